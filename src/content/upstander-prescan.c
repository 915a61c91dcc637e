/* upstander-prescan.c: a cheap streaming pass that bounds what a bundle may cost before libxml2 sees it
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-bundle-private.h"

#include <string.h>

/*
 * Why a pass of our own, and not xmlTextReader or SAX: the costs that must be
 * bounded arise inside libxml2 2.9.14 before any callback runs. Its start-tag
 * parser checks each attribute against every earlier one (80 000 attributes
 * on one tag: minutes), and each namespace declaration against every one in
 * scope (60 000 declarations then 60 000 elements: seconds). So this pass
 * reads the raw bytes once, in linear time and constant memory, and counts:
 * elements by name, attributes per start tag, namespace declarations,
 * comments, and the tokens of list attributes. Anything over a limit stops
 * the load with FILE:LINE:COL before the parser, the schema or the model
 * are touched.
 *
 * It is not a parser: on anything it does not understand (a DOCTYPE, a
 * malformed tag) it stops counting and lets libxml2 report the error, which
 * libxml2 does at the first one, in the time it took to get there. The
 * loader checks the list limits again on the parsed values, since character
 * references could hide separators from this pass.
 *
 * The limits are documented in docs/bundle-format.md, and derived from the
 * core bundle in six languages (about 12 800 elements, 1.8 MB): roughly ten
 * times what it uses, so that a bundle of a hundred stories in many
 * languages fits, while the largest tree libxml2 can be asked to build stays
 * far below 256 MiB.
 */

typedef struct
{
  const char *name;
  guint       limit;
} ElementLimit;

/* Repeated elements only: a singleton (<bundle>, <info>) is held to one by
 * the schema, and the total bounds them anyway. Sorted by name. */
static const ElementLimit element_limits[] = {
  { "advice", 1000 },
  { "cast", UPSTANDER_MAX_SCENARIOS },
  { "check", UPSTANDER_MAX_SCENARIOS },
  { "choice", 4000 },
  { "comment", 2000 },
  { "contact", 200 },
  { "content-note", 2000 },
  { "continue", 4000 },
  { "decision", 2000 },
  { "description", 2000 },
  { "discuss", 2000 },
  { "ending", 2000 },
  { "facilitator", 2000 },
  { "feedback", 4000 },
  { "goal", 4000 },
  { "guide", 100 },
  { "help", 200 },
  { "hours", 2000 },
  { "item", 4000 },
  { "label", 12000 },
  { "lesson-plan", UPSTANDER_MAX_SCENARIOS },
  { "list", 1000 },
  { "message", 4000 },
  { "name", 12000 },
  { "narration", 6000 },
  { "p", 4000 },
  { "person", 2000 },
  { "phone", 200 },
  { "post", 1000 },
  { "prompt", 4000 },
  { "question", 12000 },
  { "scenario", UPSTANDER_MAX_SCENARIOS },
  { "scene", 4000 },
  { "source", 1000 },
  { "statement", 12000 },
  { "step", 4000 },
  { "summary", 2000 },
  { "takeaway", 12000 },
  { "text", 64000 },
  { "title", 12000 },
  { "topic", 200 },
  { "url", 200 },
};

/* List attributes: the element, the attribute, how many tokens it may hold. */
static const struct
{
  const char *element;
  const char *attribute;
  guint       limit;
} list_limits[] = {
  { "scenario", "topics", UPSTANDER_MAX_TOPIC_REFS },
  { "help", "region", UPSTANDER_MAX_REGIONS },
};

#define MAX_ELEMENTS 150000
#define MAX_ATTRIBUTES_PER_ELEMENT 16
#define MAX_NAMESPACE_DECLARATIONS 16
#define MAX_COMMENTS 10000

typedef struct
{
  UpstanderLoadState *state;
  const char         *data;
  const char         *end;
  const char         *line_start;
  guint               line;
  guint               counts[G_N_ELEMENTS (element_limits)];
  guint               n_elements;
  guint               n_namespaces;
  guint               n_comments;
  gboolean            failed;
} Scan;

/*
 * The limit of an element by its local name, or NULL. Every start tag is
 * looked up: the names are bucketed by their first letter (the table is
 * sorted) and compared by length first, which costs a fraction of a binary
 * search's string comparisons. The name ends at a NUL byte, as a C string
 * would (a NUL is not well-formed XML; the parser says so).
 */
static const ElementLimit *
lookup_limit (const char *name,
              gsize       length)
{
  static guint8 lengths[G_N_ELEMENTS (element_limits)];
  static guint8 first_of_letter[27];  /* 'a' + i: the first entry at or after it */
  static gsize initialized;
  const char *nul = memchr (name, '\0', length);
  guint letter;

  G_STATIC_ASSERT (G_N_ELEMENTS (element_limits) < G_MAXUINT8);

  if (g_once_init_enter (&initialized))
    {
      guint i = 0;

      for (guint e = 0; e < G_N_ELEMENTS (element_limits); e++)
        {
          g_assert (element_limits[e].name[0] >= 'a' && element_limits[e].name[0] <= 'z');
          g_assert (e == 0 || strcmp (element_limits[e - 1].name, element_limits[e].name) < 0);
          lengths[e] = (guint8) strlen (element_limits[e].name);
        }
      for (guint l = 0; l <= 26; l++)
        {
          while (i < G_N_ELEMENTS (element_limits) && element_limits[i].name[0] < 'a' + (int) l)
            i++;
          first_of_letter[l] = (guint8) i;
        }
      g_once_init_leave (&initialized, 1);
    }

  /* Longer names than any in the table were never looked up, NUL or not. */
  if (length >= 32)
    return NULL;
  if (nul != NULL)
    length = nul - name;
  if (length == 0 || name[0] < 'a' || name[0] > 'z')
    return NULL;

  letter = name[0] - 'a';
  for (guint e = first_of_letter[letter]; e < first_of_letter[letter + 1]; e++)
    {
      if (lengths[e] == length && memcmp (element_limits[e].name, name, length) == 0)
        return &element_limits[e];
    }

  return NULL;
}

/* Moves to @to, counting the lines passed. */
static void
advance (Scan       *self,
         const char *to)
{
  const char *p = self->data;

  while ((p = memchr (p, '\n', to - p)) != NULL)
    {
      self->line++;
      self->line_start = ++p;
    }

  self->data = to;
}

static void
fail (Scan       *self,
      const char *at,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
fail (Scan       *self,
      const char *at,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  advance (self, at);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _upstander_report (self->state, self->line, (guint) (at - self->line_start) + 1,
                     UPSTANDER_SEVERITY_ERROR, "%s (see “Limits” in docs/bundle-format.md)",
                     message);
  self->failed = TRUE;
}

/* The end of @terminator after @from, or NULL. */
static const char *
find (const char *from,
      const char *end,
      const char *terminator)
{
  gsize length = strlen (terminator);

  if (from >= end)
    return NULL;

  for (const char *p = from; (p = memchr (p, terminator[0], end - p)) != NULL; p++)
    {
      if ((gsize) (end - p) < length)
        return NULL;
      if (memcmp (p, terminator, length) == 0)
        return p + length;
    }

  return NULL;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_name_end (char c)
{
  return is_space (c) || c == '>' || c == '/' || c == '=';
}

static guint
count_tokens (const char *value,
              const char *value_end)
{
  guint n = 0;
  gboolean in_token = FALSE;

  for (const char *p = value; p < value_end; p++)
    {
      if (is_space (*p))
        in_token = FALSE;
      else if (!in_token)
        {
          in_token = TRUE;
          n++;
        }
    }

  return n;
}

static gboolean
name_is (const char *name,
         gsize       length,
         const char *expected)
{
  return strlen (expected) == length && memcmp (name, expected, length) == 0;
}

/*
 * A start tag from just after its "<". Returns where scanning goes on, or
 * NULL to stop (a limit was passed, or the tag is not one this pass reads).
 */
static const char *
scan_start_tag (Scan       *self,
                const char *p)
{
  const char *tag = p - 1;
  const char *name = p, *local;
  gsize name_length;
  const ElementLimit *limit = NULL;
  guint n_attributes = 0;

  while (p < self->end && !is_name_end (*p))
    p++;
  name_length = p - name;
  if (name_length == 0)
    return NULL;

  local = memchr (name, ':', name_length);
  local = local != NULL ? local + 1 : name;

  if (++self->n_elements > MAX_ELEMENTS)
    {
      fail (self, tag, "more than %u elements in one bundle", MAX_ELEMENTS);
      return NULL;
    }

  limit = lookup_limit (local, p - local);
  if (limit != NULL && ++self->counts[limit - element_limits] > limit->limit)
    {
      fail (self, tag, "more than %u <%s> elements in one bundle", limit->limit, limit->name);
      return NULL;
    }

  for (;;)
    {
      const char *attribute, *value, *value_end;
      gsize attribute_length;
      char quote;

      while (p < self->end && is_space (*p))
        p++;
      if (p >= self->end)
        return NULL;
      if (*p == '>')
        return p + 1;
      if (*p == '/')
        return p + 1 < self->end && p[1] == '>' ? p + 2 : NULL;

      attribute = p;
      while (p < self->end && !is_name_end (*p))
        p++;
      attribute_length = p - attribute;
      while (p < self->end && is_space (*p))
        p++;
      if (attribute_length == 0 || p >= self->end || *p != '=')
        return NULL;
      p++;
      while (p < self->end && is_space (*p))
        p++;
      if (p >= self->end || (*p != '"' && *p != '\''))
        return NULL;
      quote = *p++;
      value = p;
      value_end = memchr (value, quote, self->end - value);
      if (value_end == NULL)
        return NULL;
      p = value_end + 1;

      if (++n_attributes > MAX_ATTRIBUTES_PER_ELEMENT)
        {
          fail (self, attribute, "more than %u attributes on one element",
                MAX_ATTRIBUTES_PER_ELEMENT);
          return NULL;
        }

      if ((attribute_length == 5 || (attribute_length > 5 && attribute[5] == ':')) &&
          memcmp (attribute, "xmlns", 5) == 0 &&
          ++self->n_namespaces > MAX_NAMESPACE_DECLARATIONS)
        {
          fail (self, attribute, "more than %u namespace declarations (xmlns) in one bundle",
                MAX_NAMESPACE_DECLARATIONS);
          return NULL;
        }

      for (guint i = 0; i < G_N_ELEMENTS (list_limits); i++)
        {
          guint n_tokens;

          if (limit == NULL || !g_str_equal (limit->name, list_limits[i].element) ||
              !name_is (attribute, attribute_length, list_limits[i].attribute))
            continue;

          n_tokens = count_tokens (value, value_end);
          if (n_tokens > list_limits[i].limit)
            {
              fail (self, attribute, "%s= lists %u values; the limit is %u",
                    list_limits[i].attribute, n_tokens, list_limits[i].limit);
              return NULL;
            }
        }
    }
}

/**
 * _upstander_prescan:
 * @state: where a limit passed is reported
 * @data: the bundle's bytes, in UTF-8 (or any encoding that keeps ASCII as is)
 *
 * Returns: %FALSE when the bundle is over a limit (reported), %TRUE otherwise,
 *   including when it is not well-formed (libxml2 says where)
 */
gboolean
_upstander_prescan (UpstanderLoadState *state,
                    const char         *data,
                    gsize               size)
{
  Scan self = { 0 };
  const char *p = data;

  self.state = state;
  self.data = self.line_start = data;
  self.end = data + size;
  self.line = 1;

  while (p != NULL && p < self.end && (p = memchr (p, '<', self.end - p)) != NULL)
    {
      p++;
      if (p >= self.end)
        break;

      if (*p == '!' && self.end - p >= 3 && memcmp (p, "!--", 3) == 0)
        {
          if (++self.n_comments > MAX_COMMENTS)
            {
              fail (&self, p - 1, "more than %u comments in one bundle", MAX_COMMENTS);
              break;
            }
          p = find (p + 3, self.end, "-->");
        }
      else if (*p == '!' && self.end - p >= 8 && memcmp (p, "![CDATA[", 8) == 0)
        p = find (p + 8, self.end, "]]>");
      else if (*p == '!')
        break;  /* a DOCTYPE: refused by the parser at once */
      else if (*p == '?')
        p = find (p + 1, self.end, "?>");
      else if (*p == '/')
        p = memchr (p, '>', self.end - p);
      else
        p = scan_start_tag (&self, p);

      if (self.failed)
        break;
    }

  return !self.failed;
}
