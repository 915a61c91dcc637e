/* upstander-loader.c: reads untrusted bundle XML safely into an UpstanderBundle
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-bundle-private.h"
#include "upstander-enums.h"
#include "upstander-region.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUNDLE_NAMESPACE "urn:upstander:bundle:1"
#define SCHEMA_RESOURCE "/io/github/upstander/Upstander/schema/upstander-bundle-1.rng"

/* Enough to tell an author what to fix; more only buries the first problem. */
#define MAX_DIAGNOSTICS 100

#define MAX_SCENARIOS UPSTANDER_MAX_SCENARIOS
#define MAX_NODES_PER_SCENARIO 200
#define MAX_LINES_PER_SCENE 100
#define MAX_COMMENTS_PER_POST 50
#define MAX_CAST 50
#define MAX_CHOICES 4
#define MAX_GUIDES 100
#define MAX_CONTACTS 200
#define MAX_TOPICS 200
#define MAX_VARIANTS 32
#define MAX_TEXT_CHARS 4000
#define MAX_SHORT_TEXT_CHARS 200
#define MAX_URL_LENGTH 2000

/*
 * Safe parsing, whatever the input: no network, no entity substitution, no
 * DTD loading, default depth and size limits (no HUGE), no recovery from
 * errors. A DOCTYPE or processing instruction stops the parser at once.
 * NOBLANKS drops the indentation between elements (a text node each, in
 * every walk of the tree after); it keeps any blank run that follows text
 * or is an element's only content, so collapsed texts read the same.
 * COMPACT keeps a short text inside its node, one allocation fewer each
 * (what `xmllint` does too); the loader never changes the tree it reads.
 */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT)

void
_upstander_report (UpstanderLoadState *state,
                   guint               line,
                   guint               column,
                   UpstanderSeverity   severity,
                   const char         *format,
                   ...)
{
  g_autofree char *message = NULL;
  guint *n_reported;
  va_list args;

  /* Errors and warnings are capped apart: a flood of warnings must not
   * hide the error that keeps the bundle from loading. */
  if (severity == UPSTANDER_SEVERITY_ERROR)
    {
      state->n_errors++;
      n_reported = &state->n_reported;
    }
  else
    n_reported = &state->n_warnings_reported;

  if (++*n_reported > MAX_DIAGNOSTICS)
    {
      if (!state->said_too_many)
        g_ptr_array_add (state->diagnostics,
                         upstander_diagnostic_new (state->file, 0, 0, severity,
                                                   "too many problems; the rest are not shown"));
      state->said_too_many = TRUE;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (state->diagnostics,
                   upstander_diagnostic_new (state->file, line, column, severity, message));
}

/*
 * Whether the load has run past its deadline; said once, as an error. The
 * loader asks between its stages and every few thousand elements: each
 * stage's cost is bounded by the limits, so none runs long past it.
 */
gboolean
_upstander_past_deadline (UpstanderLoadState *state)
{
  if (state->timed_out)
    return TRUE;

  if (state->deadline == 0 || g_get_monotonic_time () <= state->deadline)
    return FALSE;

  state->timed_out = TRUE;
  _upstander_report (state, 0, 0, UPSTANDER_SEVERITY_ERROR,
                     "skipped: the bundle took too long to load (it may be very large, or the "
                     "computer busy); check it with upstander --validate");

  return TRUE;
}

/* A value from the file, made safe to show in a message: short, printable, quoted. */
char *
_upstander_quote (const char *value)
{
  GString *out = g_string_new ("“");
  guint n_chars = 0;

  for (const char *p = value; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;

      if (++n_chars > 40)
        {
          g_string_append (out, "…");
          break;
        }

      if (g_unichar_iscntrl (c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        g_string_append_c (out, '?');
      else
        g_string_append_unichar (out, c);
    }

  g_string_append (out, "”");

  return g_string_free (out, FALSE);
}

/* The loader proper. */

static gboolean is_one_of (const char *value,
                           const char *values);

typedef struct
{
  UpstanderLoadState  state;
  const char         *lang;         /* the bundle's own xml:lang */
  GString            *scratch;      /* collapse_text()'s result, reused for every text */
  gboolean            unexplained;  /* a value the schema let through, that check_before_schema() would not */
} Loader;

/*
 * Tracks the last original text per element name, for translations to join.
 * An original that was refused (reported, then freed) leaves its slot empty
 * and marked, so that its translations are dropped quietly instead of
 * joining freed memory or drawing a second, misleading error.
 */
typedef struct
{
  const char    *names[12];
  UpstanderText *texts[12];
  gboolean       refused[12];
  guint          n;
} Leaves;

static guint
node_line (xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 && line <= G_MAXUINT ? (guint) line : 0;
}

#define report_error(self, node, ...) \
  _upstander_report (&(self)->state, node_line (node), 0, UPSTANDER_SEVERITY_ERROR, __VA_ARGS__)

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

/*
 * An attribute in no namespace, as xmlGetNoNsProp() gives it, but read
 * where the tree keeps it: nearly every value is one text node, and a copy
 * of each (then freed) cost two allocator calls per attribute. Any other
 * value is gathered by libxml2 into *@owned, which the caller frees with
 * xmlFree(). NULL when the attribute is absent.
 */
static const char *
peek_attribute (xmlNode     *node,
                const char  *name,
                xmlChar    **owned)
{
  for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
    {
      xmlNode *only = attribute->children;

      if (attribute->ns != NULL || !g_str_equal ((const char *) attribute->name, name))
        continue;

      if (only != NULL && only->next == NULL && only->type == XML_TEXT_NODE)
        return (const char *) only->content;

      *owned = xmlGetNoNsProp (node, (const xmlChar *) name);
      return (const char *) *owned;
    }

  return NULL;
}

static char *
dup_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *owned = NULL;
  char *copy = g_strdup (peek_attribute (node, name, &owned));

  xmlFree (owned);

  return copy;
}

static char *
dup_lang (xmlNode *node)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);

  return copy;
}

/* Printable ASCII but the space. */
static inline gboolean
is_ascii_word_char (char c)
{
  return (guchar) c > ' ' && (guchar) c < 0x7F;
}

/*
 * Whether the 8 bytes at @p are printable ASCII or single spaces between
 * words, and do not end in a space: text collapsing keeps as it is. Tested
 * all at once (SWAR): most texts are long runs of such bytes, and a byte at
 * a time was the loader's costliest loop of its own.
 */
static inline gboolean
is_plain_block (const char *p)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 lows = G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F);
  guint64 x, y, spaces;

  memcpy (&x, p, sizeof x);
  x = GUINT64_FROM_LE (x);  /* byte i at bits 8i, whatever the machine */

  /* Any byte below ' ' or above '~' (NUL, line breaks, tabs, UTF-8). */
  if ((((x - ones * 0x20) & ~x) | ((x + ones * (0x7F - 0x7E)) | x)) & highs)
    return FALSE;

  /* The spaces, exactly: the high bit of each byte equal to ' '. */
  y = x ^ (ones * ' ');
  spaces = ~(((y & lows) + lows) | y) & highs;

  return (spaces & (spaces >> 8)) == 0 && (spaces >> 56) == 0;
}

/*
 * The text of a leaf with its whitespace collapsed, or NULL after reporting
 * what is wrong with it. It lives in @self's scratch buffer until the next
 * call: most texts are copied once more into an UpstanderText anyway, and
 * a buffer of their own would be one more allocation each.
 */
static const char *
collapse_text (Loader     *self,
               xmlNode    *node,
               guint       max_chars)
{
  char *text;
  xmlNode *only = node->children;
  xmlChar *owned = NULL;
  const char *content;
  const char *content_end;
  const char *p;
  char *end;
  gboolean pending_space = FALSE;
  guint n_chars = 0;

  /* A leaf is nearly always one text node: read it in place. Anything
   * else (comments between parts of the text) is gathered by libxml2. */
  if (only != NULL && only->next == NULL && only->type == XML_TEXT_NODE)
    content = (const char *) only->content;
  else
    content = (const char *) (owned = xmlNodeGetContent (node));
  if (content == NULL)
    content = "";

  /* Collapsing whitespace never lengthens the text: one allocation, and
   * the bytes written straight into it (120,000 texts in a big library). */
  if (self->scratch == NULL)
    self->scratch = g_string_new (NULL);
  content_end = content + strlen (content);
  g_string_set_size (self->scratch, content_end - content);
  text = self->scratch->str;
  end = text;

  for (p = content; *p != '\0';)
    {
      const char *next;
      gunichar c;

      /* Most text is printable ASCII with single spaces between its words,
       * which collapsing keeps as they are: found as one run, without
       * decoding, and copied at once (a byte at a time cost twice as much). */
      if (is_ascii_word_char (*p))
        {
          const char *run = p;

          if (pending_space)
            {
              *end++ = ' ';
              n_chars++;
              pending_space = FALSE;
            }
          do
            {
              p++;
              /* p[-1] is a word character here, so a plain block goes on the run. */
              while (content_end - p >= 8 && is_plain_block (p))
                p += 8;
              /* *p is not the end, so p[1] is there to read. */
              if (*p == ' ' && is_ascii_word_char (p[1]))
                p++;
            }
          while (is_ascii_word_char (*p));
          memcpy (end, run, p - run);
          end += p - run;
          n_chars += p - run;
          continue;
        }

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          pending_space = end > text;
          p++;
          continue;
        }

      /* libxml2 hands out valid UTF-8 only. */
      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);

      if (upstander_text_is_forbidden_char (c))
        {
          report_error (self, node,
                        "<%s> contains the control or bidirectional override character U+%04X; "
                        "write plain text",
                        node->name, c);
          xmlFree (owned);
          return NULL;
        }

      if (pending_space)
        {
          *end++ = ' ';
          n_chars++;
          pending_space = FALSE;
        }

      memcpy (end, p, next - p);
      end += next - p;
      n_chars++;
      p = next;
    }
  *end = '\0';

  xmlFree (owned);

  if (end == text)
    {
      report_error (self, node, "<%s> is empty; write the text or remove the element", node->name);
      return NULL;
    }

  if (n_chars > max_chars)
    {
      report_error (self, node, "<%s> is %u characters long; the limit is %u",
                    node->name, n_chars, max_chars);
      return NULL;
    }

  return text;
}

/* As collapse_text(), in a string of its own. */
static char *
read_text (Loader     *self,
           xmlNode    *node,
           guint       max_chars)
{
  return g_strdup (collapse_text (self, node, max_chars));
}

static UpstanderText **
leaves_slot (Leaves     *leaves,
             const char *name)
{
  for (guint i = 0; i < leaves->n; i++)
    {
      if (g_str_equal (leaves->names[i], name))
        return &leaves->texts[i];
    }

  g_assert (leaves->n < G_N_ELEMENTS (leaves->names));
  leaves->names[leaves->n] = name;
  leaves->texts[leaves->n] = NULL;
  leaves->refused[leaves->n] = FALSE;

  return &leaves->texts[leaves->n++];
}

static void
leaves_mark_refused (Leaves     *leaves,
                     const char *name)
{
  UpstanderText **slot = leaves_slot (leaves, name);

  *slot = NULL;
  leaves->refused[slot - leaves->texts] = TRUE;
}

/* An original read by read_leaf() that its parent refuses: freed, and forgotten by @leaves. */
static void
refuse_leaf (Leaves        *leaves,
             xmlNode       *node,
             UpstanderText *text)
{
  leaves_mark_refused (leaves, (const char *) node->name);
  upstander_text_free (text);
}

/*
 * Reads a translatable leaf. An element in another language than the
 * bundle's joins the previous original of the same name and NULL is
 * returned; so it is on errors (reported). Otherwise a new text, owned by
 * the caller.
 */
static UpstanderText *
read_leaf (Loader  *self,
           xmlNode *node,
           Leaves  *leaves,
           guint    max_chars)
{
  g_autofree char *written_lang = dup_lang (node);
  g_autofree char *lang = NULL;
  const char *value;
  UpstanderText **previous = leaves_slot (leaves, (const char *) node->name);
  gboolean is_original;

  if (written_lang != NULL)
    {
      lang = upstander_language_tag_normalize (written_lang, UPSTANDER_LANGUAGE_TAG_BCP47);
      if (lang == NULL)
        {
          g_autofree char *quoted = _upstander_quote (written_lang);

          report_error (self, node, "xml:lang=%s is not a language tag like “en” or “pt-BR”", quoted);
          return NULL;
        }
    }

  /* Both spelled one way: "pt_br" and "pt-BR" are the same language. */
  is_original = lang == NULL || g_str_equal (lang, self->lang);

  value = collapse_text (self, node, max_chars);
  if (value == NULL)
    {
      if (is_original)
        leaves_mark_refused (leaves, (const char *) node->name);
      return NULL;
    }

  if (is_original)
    {
      UpstanderText *text = upstander_text_new (self->lang, value);

      *previous = text;
      leaves->refused[previous - leaves->texts] = FALSE;
      return text;
    }

  /* Its original was refused and reported already. */
  if (*previous == NULL && leaves->refused[previous - leaves->texts])
    return NULL;

  if (*previous == NULL)
    {
      report_error (self, node,
                    "<%s xml:lang=\"%s\"> is a translation, but no <%s> in the bundle's language "
                    "comes before it",
                    node->name, lang, node->name);
      return NULL;
    }

  if (upstander_text_get_n_variants (*previous) >= MAX_VARIANTS)
    report_error (self, node, "<%s> has more than %u translations", node->name, MAX_VARIANTS);
  else if (!upstander_text_add_variant (*previous, lang, value))
    report_error (self, node, "<%s> has two translations into “%s”", node->name, lang);

  return NULL;
}

/* For elements that hold one text: a second original is a mistake. */
static void
take_single (Loader         *self,
             xmlNode        *node,
             Leaves         *leaves,
             UpstanderText **slot,
             UpstanderText  *text)
{
  if (text == NULL)
    return;

  if (*slot != NULL)
    {
      report_error (self, node,
                    "a second <%s> here; mark a translation with xml:lang", node->name);
      refuse_leaf (leaves, node, text);
      return;
    }

  *slot = text;
}

static void
take_many (GPtrArray     *texts,
           UpstanderText *text)
{
  if (text != NULL)
    g_ptr_array_add (texts, text);
}

/*
 * An id attribute that must be present and well-formed, as peek_attribute()
 * gives it; NULL after reporting.
 */
static const char *
peek_id (Loader      *self,
         xmlNode     *node,
         const char  *attribute,
         xmlChar    **owned)
{
  const char *id = peek_attribute (node, attribute, owned);

  if (id == NULL)
    {
      report_error (self, node, "<%s> needs a %s attribute", node->name, attribute);
      return NULL;
    }

  if (!upstander_id_is_valid (id))
    {
      g_autofree char *quoted = _upstander_quote (id);

      report_error (self, node,
                    "%s=%s is not a valid id: use 1 to 64 lower-case letters, digits and "
                    "hyphens, starting with a letter or digit",
                    attribute, quoted);
      return NULL;
    }

  return id;
}

/* As peek_id(), in a string of its own. */
static char *
read_id (Loader     *self,
         xmlNode    *node,
         const char *attribute)
{
  xmlChar *owned = NULL;
  char *id = g_strdup (peek_id (self, node, attribute, &owned));

  xmlFree (owned);

  return id;
}

/* An optional id-like attribute (if, unless, sets, guide): NULL when absent or bad. */
static char *
read_optional_id (Loader     *self,
                  xmlNode    *node,
                  const char *attribute)
{
  if (!xmlHasProp (node, (const xmlChar *) attribute))
    return NULL;

  return read_id (self, node, attribute);
}

static gboolean
read_number (Loader     *self,
             xmlNode    *node,
             const char *attribute,
             guint       min,
             guint       max,
             guint      *out)
{
  xmlChar *owned = NULL;
  const char *value = peek_attribute (node, attribute, &owned);
  guint64 number;

  if (value == NULL ||
      !g_ascii_string_to_unsigned (value, 10, min, max, &number, NULL))
    {
      g_autofree char *quoted = _upstander_quote (value);

      report_error (self, node, "%s=%s must be a whole number from %u to %u",
                    attribute, quoted, min, max);
      xmlFree (owned);
      return FALSE;
    }

  *out = (guint) number;
  xmlFree (owned);

  return TRUE;
}

static void
read_condition (Loader             *self,
                xmlNode            *node,
                UpstanderCondition *condition)
{
  condition->if_flag = read_optional_id (self, node, "if");
  condition->unless_flag = read_optional_id (self, node, "unless");
}

static gboolean
check_count (Loader     *self,
             xmlNode    *node,
             guint       count,
             guint       max,
             const char *what)
{
  if (count < max)
    return TRUE;

  /* Said once, when the limit is first passed. */
  if (count == max)
    report_error (self, node, "more than %u %s; split the content up", max, what);

  return FALSE;
}

static const UpstanderPerson *
resolve_person (Loader            *self,
                UpstanderScenario *scenario,
                xmlNode           *node)
{
  xmlChar *owned = NULL;
  const char *id = peek_id (self, node, "from", &owned);
  const UpstanderPerson *person;

  if (id == NULL)
    {
      xmlFree (owned);
      return NULL;
    }

  person = g_hash_table_lookup (scenario->people_by_id, id);
  if (person == NULL)
    report_error (self, node, "from=\"%s\" is not in the cast of this scenario", id);
  xmlFree (owned);

  return person;
}

static UpstanderLine *
read_line (Loader            *self,
           UpstanderScenario *scenario,
           xmlNode           *node,
           UpstanderLineKind  kind)
{
  UpstanderLine *line = g_new0 (UpstanderLine, 1);
  Leaves leaves = { 0 };
  guint n_originals = 0;

  line->kind = kind;
  line->line = node_line (node);
  line->texts = upstander_text_array_new ();
  read_condition (self, node, &line->condition);

  if (kind != UPSTANDER_LINE_NARRATION)
    line->from = resolve_person (self, scenario, node);
  if (kind == UPSTANDER_LINE_POST)
    line->comments = g_ptr_array_new_with_free_func (upstander_line_free);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "text"))
        {
          UpstanderText *text = read_leaf (self, child, &leaves, MAX_TEXT_CHARS);

          if (text == NULL)
            continue;

          /* Narration may run over paragraphs; a message is one text. */
          if (kind != UPSTANDER_LINE_NARRATION && ++n_originals > 1)
            {
              report_error (self, child,
                            "a <%s> has one <text>; mark a translation with xml:lang",
                            node->name);
              refuse_leaf (&leaves, child, text);
              continue;
            }

          g_ptr_array_add (line->texts, text);
        }
      else if (is_element (child, "comment") &&
               check_count (self, child, line->comments->len, MAX_COMMENTS_PER_POST, "comments"))
        {
          g_ptr_array_add (line->comments,
                           read_line (self, scenario, child, UPSTANDER_LINE_COMMENT));
        }
    }

  return line;
}

/*
 * The value an attribute names, by the nick of its registered enum. The
 * schema has refused every other name before the loader reads a node, so
 * @fallback only stands for an optional attribute left out.
 */
static int
read_enum (xmlNode    *node,
           const char *name,
           GType       type,
           int         fallback)
{
  xmlChar *owned = NULL;
  int value = fallback;

  upstander_enum_from_nick (type, peek_attribute (node, name, &owned), &value);
  xmlFree (owned);

  return value;
}

static UpstanderChoice *
read_choice (Loader            *self,
             UpstanderScenario *scenario,
             xmlNode           *node)
{
  UpstanderChoice *choice = g_new0 (UpstanderChoice, 1);
  Leaves leaves = { 0 };

  choice->line = node_line (node);
  choice->id = read_id (self, node, "id");
  choice->next = read_id (self, node, "next");
  choice->effect = read_enum (node, "effect", UPSTANDER_TYPE_EFFECT, UPSTANDER_EFFECT_MIXED);
  choice->sets = read_optional_id (self, node, "sets");
  choice->guide = read_optional_id (self, node, "guide");
  choice->feedback = upstander_text_array_new ();
  read_condition (self, node, &choice->condition);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "label"))
        {
          take_single (self, child, &leaves, &choice->label,
                       read_leaf (self, child, &leaves, MAX_SHORT_TEXT_CHARS));
        }
      else if (is_element (child, "feedback"))
        {
          Leaves feedback_leaves = { 0 };

          for (xmlNode *text = child->children; text != NULL; text = text->next)
            {
              if (is_element (text, "text"))
                take_many (choice->feedback,
                           read_leaf (self, text, &feedback_leaves, MAX_TEXT_CHARS));
            }
        }
    }

  if (choice->id != NULL)
    {
      if (g_hash_table_contains (scenario->choices_by_id, choice->id))
        report_error (self, node, "a second choice with id=\"%s\" in this scenario", choice->id);
      else
        g_hash_table_insert (scenario->choices_by_id, choice->id, choice);
    }

  return choice;
}

static UpstanderDecision *
read_decision (Loader            *self,
               UpstanderScenario *scenario,
               xmlNode           *node)
{
  UpstanderDecision *decision = g_new0 (UpstanderDecision, 1);
  Leaves leaves = { 0 };
  guint n_choices = 0;

  decision->line = node_line (node);
  decision->questions = upstander_text_array_new ();
  decision->choices = g_ptr_array_new_with_free_func (upstander_choice_free);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "prompt"))
        {
          take_single (self, child, &leaves, &decision->prompt,
                       read_leaf (self, child, &leaves, MAX_SHORT_TEXT_CHARS));
        }
      else if (is_element (child, "discuss"))
        {
          Leaves question_leaves = { 0 };

          for (xmlNode *question = child->children; question != NULL; question = question->next)
            {
              if (is_element (question, "question"))
                take_many (decision->questions,
                           read_leaf (self, question, &question_leaves, MAX_TEXT_CHARS));
            }
        }
      else if (is_element (child, "choice"))
        {
          if (n_choices++ == MAX_CHOICES)
            report_error (self, child, "a decision has at most %u choices", MAX_CHOICES);
          if (decision->choices->len < MAX_CHOICES)
            g_ptr_array_add (decision->choices, read_choice (self, scenario, child));
        }
    }

  return decision;
}

static void
register_node_id (Loader            *self,
                  UpstanderScenario *scenario,
                  xmlNode           *node,
                  char              *id,
                  GHashTable        *table,
                  gpointer           value)
{
  if (id == NULL)
    return;

  if (g_hash_table_contains (scenario->scenes_by_id, id) ||
      g_hash_table_contains (scenario->endings_by_id, id))
    {
      report_error (self, node, "a second scene or ending with id=\"%s\" in this scenario", id);
      return;
    }

  g_hash_table_insert (table, id, value);
}

static UpstanderScene *
read_scene (Loader            *self,
            UpstanderScenario *scenario,
            xmlNode           *node)
{
  UpstanderScene *scene = g_new0 (UpstanderScene, 1);
  xmlChar *owned = NULL;
  Leaves leaves = { 0 };

  scene->line = node_line (node);
  scene->id = read_id (self, node, "id");
  scene->place = read_enum (node, "place", UPSTANDER_TYPE_PLACE, UPSTANDER_PLACE_SCHOOL);
  scene->is_start = g_strcmp0 (peek_attribute (node, "start", &owned), "yes") == 0;
  xmlFree (owned);
  scene->lines = g_ptr_array_new_with_free_func (upstander_line_free);
  scene->continues = g_ptr_array_new_with_free_func (upstander_continue_free);
  scene->facilitator = upstander_text_array_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (child, "title"))
        {
          take_single (self, child, &leaves, &scene->title,
                       read_leaf (self, child, &leaves, MAX_SHORT_TEXT_CHARS));
        }
      else if (is_element (child, "message") || is_element (child, "narration") ||
               is_element (child, "post"))
        {
          UpstanderLineKind kind = is_element (child, "message") ? UPSTANDER_LINE_MESSAGE :
                                   is_element (child, "post") ? UPSTANDER_LINE_POST :
                                   UPSTANDER_LINE_NARRATION;

          if (check_count (self, child, scene->lines->len, MAX_LINES_PER_SCENE, "lines in a scene"))
            g_ptr_array_add (scene->lines, read_line (self, scenario, child, kind));
        }
      else if (is_element (child, "decision"))
        {
          scene->decision = read_decision (self, scenario, child);
        }
      else if (is_element (child, "continue"))
        {
          UpstanderContinue *cont = g_new0 (UpstanderContinue, 1);

          cont->line = node_line (child);
          cont->next = read_id (self, child, "next");
          read_condition (self, child, &cont->condition);
          g_ptr_array_add (scene->continues, cont);
        }
      else if (is_element (child, "facilitator"))
        {
          Leaves note_leaves = { 0 };

          for (xmlNode *text = child->children; text != NULL; text = text->next)
            {
              if (is_element (text, "text"))
                take_many (scene->facilitator,
                           read_leaf (self, text, &note_leaves, MAX_TEXT_CHARS));
            }
        }
    }

  register_node_id (self, scenario, node, scene->id, scenario->scenes_by_id, scene);

  return scene;
}

static UpstanderEnding *
read_ending (Loader            *self,
             UpstanderScenario *scenario,
             xmlNode           *node)
{
  UpstanderEnding *ending = g_new0 (UpstanderEnding, 1);
  Leaves leaves = { 0 };

  ending->line = node_line (node);
  ending->id = read_id (self, node, "id");
  ending->outcome = read_enum (node, "outcome", UPSTANDER_TYPE_OUTCOME, UPSTANDER_OUTCOME_MIXED);
  ending->guide = read_optional_id (self, node, "guide");
  ending->texts = upstander_text_array_new ();
  ending->takeaways = upstander_text_array_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "title"))
        take_single (self, child, &leaves, &ending->title,
                     read_leaf (self, child, &leaves, MAX_SHORT_TEXT_CHARS));
      else if (is_element (child, "text"))
        take_many (ending->texts, read_leaf (self, child, &leaves, MAX_TEXT_CHARS));
      else if (is_element (child, "takeaway"))
        take_many (ending->takeaways, read_leaf (self, child, &leaves, MAX_TEXT_CHARS));
    }

  register_node_id (self, scenario, node, ending->id, scenario->endings_by_id, ending);

  return ending;
}

/*
 * The player's team is the player's colour; every other team is numbered in
 * the order the cast first names it, so an author decides who plays together
 * and two teams never share a colour by chance.
 */
static void
number_teams (UpstanderScenario *scenario)
{
  g_autoptr(GPtrArray) teams = g_ptr_array_new ();
  const char *player_team = NULL;

  for (guint i = 0; i < scenario->cast->len; i++)
    {
      UpstanderPerson *person = g_ptr_array_index (scenario->cast, i);

      if (person->role == UPSTANDER_ROLE_PLAYER && person->team != NULL)
        player_team = person->team;
    }

  for (guint i = 0; i < scenario->cast->len; i++)
    {
      UpstanderPerson *person = g_ptr_array_index (scenario->cast, i);
      guint index;

      if (person->team == NULL)
        person->team_number = UPSTANDER_TEAM_NONE;
      else if (g_strcmp0 (person->team, player_team) == 0)
        person->team_number = UPSTANDER_TEAM_PLAYER;
      else
        {
          if (!g_ptr_array_find_with_equal_func (teams, person->team, g_str_equal, &index))
            {
              index = teams->len;
              g_ptr_array_add (teams, person->team);
            }
          person->team_number = index + 1;
        }
    }
}

static void
read_person (Loader            *self,
             UpstanderScenario *scenario,
             xmlNode           *node)
{
  UpstanderPerson *person = g_new0 (UpstanderPerson, 1);
  Leaves leaves = { 0 };

  person->line = node_line (node);
  person->id = read_id (self, node, "id");
  /* The schema compares avatar names as tokens: " bob " passes it. */
  person->avatar = dup_attribute (node, "avatar");
  if (person->avatar != NULL && !is_one_of (person->avatar, UPSTANDER_AVATAR_NAMES))
    self->unexplained = TRUE;
  person->role = read_enum (node, "role", UPSTANDER_TYPE_ROLE, UPSTANDER_ROLE_NONE);
  if (xmlHasProp (node, (const xmlChar *) "team"))
    person->team = read_id (self, node, "team");
  person->team_number = UPSTANDER_TEAM_NONE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "name"))
        take_single (self, child, &leaves, &person->name,
                     read_leaf (self, child, &leaves, MAX_SHORT_TEXT_CHARS));
    }

  g_ptr_array_add (scenario->cast, person);

  if (person->id == NULL)
    return;

  if (g_hash_table_contains (scenario->people_by_id, person->id))
    report_error (self, node, "a second person with id=\"%s\" in this cast", person->id);
  else
    g_hash_table_insert (scenario->people_by_id, person->id, person);
}

static UpstanderTopic *
lookup_topic (UpstanderBundle *bundle,
              const char      *id)
{
  return g_hash_table_lookup (bundle->topics_by_id, id);
}

static void
read_scenario_attributes (Loader            *self,
                          UpstanderScenario *scenario,
                          xmlNode           *node)
{
  g_autofree char *ages = dup_attribute (node, "ages");
  g_autofree char *topics = dup_attribute (node, "topics");
  g_auto(GStrv) topic_ids = NULL;
  g_autoptr(GStrvBuilder) kept_ids = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint64 age_min = 0, age_max = 0;
  char *dash;

  scenario->id = read_id (self, node, "id");
  read_number (self, node, "version", 1, 1000000, &scenario->version);
  read_number (self, node, "minutes", 1, 120, &scenario->minutes);

  dash = ages != NULL ? strchr (ages, '-') : NULL;
  if (dash != NULL)
    *dash = '\0';
  if (dash == NULL ||
      !g_ascii_string_to_unsigned (ages, 10, 5, 18, &age_min, NULL) ||
      !g_ascii_string_to_unsigned (dash + 1, 10, 5, 18, &age_max, NULL) ||
      age_min > age_max)
    {
      report_error (self, node, "ages must be a range like “8-11”, from 5 to 18");
    }
  scenario->age_min = age_min;
  scenario->age_max = age_max;

  /* The scenario points at the bundle's topics, each once however often it
   * is named: a reference costs a pointer, never a copy of every name. */
  scenario->topic_store = g_ptr_array_ref (self->state.bundle->topics);

  topic_ids = g_strsplit_set (topics != NULL ? topics : "", " \t\n\r", -1);
  /* Checked again here: character references can hide separators from the
   * streaming pass. */
  if (g_strv_length (topic_ids) > UPSTANDER_MAX_TOPIC_REFS)
    {
      guint n_tokens = 0;

      for (guint i = 0; topic_ids[i] != NULL; i++)
        n_tokens += *topic_ids[i] != '\0';
      if (n_tokens > UPSTANDER_MAX_TOPIC_REFS)
        {
          report_error (self, node, "topics= lists %u values; the limit is %u",
                        n_tokens, UPSTANDER_MAX_TOPIC_REFS);
          scenario->topic_ids = g_strv_builder_end (kept_ids);
          return;
        }
    }

  for (guint i = 0; topic_ids[i] != NULL; i++)
    {
      UpstanderTopic *topic;

      if (*topic_ids[i] == '\0')
        continue;

      topic = lookup_topic (self->state.bundle, topic_ids[i]);
      if (topic == NULL)
        {
          g_autofree char *quoted = _upstander_quote (topic_ids[i]);

          report_error (self, node, "topic %s is not declared with <topic> in this bundle", quoted);
          continue;
        }

      if (!g_hash_table_add (seen, topic))
        continue;

      g_ptr_array_add (scenario->topics, topic);
      g_strv_builder_add (kept_ids, topic->id);
    }
  scenario->topic_ids = g_strv_builder_end (kept_ids);
}

static UpstanderPlanStep *
read_plan_step (Loader  *self,
                xmlNode *node)
{
  UpstanderPlanStep *step = g_new0 (UpstanderPlanStep, 1);
  Leaves leaves = { 0 };

  step->line = node_line (node);
  step->texts = upstander_text_array_new ();
  read_number (self, node, "minutes", 1, UPSTANDER_MAX_PLAN_MINUTES, &step->minutes);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "title"))
        take_single (self, child, &leaves, &step->title,
                     read_leaf (self, child, &leaves, MAX_SHORT_TEXT_CHARS));
      else if (is_element (child, "text"))
        take_many (step->texts, read_leaf (self, child, &leaves, MAX_TEXT_CHARS));
    }

  if (step->title == NULL)
    report_error (self, node, "a <step> needs a <title> in the bundle's language");

  return step;
}

/* <lesson-plan>: steps whose minutes make a lesson of a sensible length. */
static void
read_lesson_plan (Loader            *self,
                  UpstanderScenario *scenario,
                  xmlNode           *node)
{
  guint total = 0;

  if (scenario->plan_steps->len > 0)
    {
      report_error (self, node, "a scenario has at most one <lesson-plan>");
      return;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      UpstanderPlanStep *step;

      if (!is_element (child, "step") ||
          !check_count (self, child, scenario->plan_steps->len, UPSTANDER_MAX_PLAN_STEPS, "steps in a lesson plan"))
        continue;

      step = read_plan_step (self, child);
      total += step->minutes;
      g_ptr_array_add (scenario->plan_steps, step);
    }

  if (total > UPSTANDER_MAX_PLAN_MINUTES)
    report_error (self, node, "the steps of this <lesson-plan> take %u minutes; a lesson plan has at most %u",
                  total, UPSTANDER_MAX_PLAN_MINUTES);
}

/* <check>: the statements a class answers by show of hands before and after the story. */
static void
read_check (Loader            *self,
            UpstanderScenario *scenario,
            xmlNode           *node)
{
  Leaves leaves = { 0 };

  if (scenario->check_statements->len > 0)
    {
      report_error (self, node, "a scenario has at most one <check>");
      return;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "statement"))
        take_many (scenario->check_statements, read_leaf (self, child, &leaves, MAX_TEXT_CHARS));
    }

  if (scenario->check_statements->len < UPSTANDER_MIN_CHECK_STATEMENTS ||
      scenario->check_statements->len > UPSTANDER_MAX_CHECK_STATEMENTS)
    report_error (self, node, "a <check> has from %u to %u statements, not %u",
                  UPSTANDER_MIN_CHECK_STATEMENTS, UPSTANDER_MAX_CHECK_STATEMENTS,
                  scenario->check_statements->len);
}

static UpstanderScenario *
read_scenario (Loader  *self,
               xmlNode *node)
{
  UpstanderScenario *scenario = _upstander_scenario_new (self->state.bundle);
  Leaves leaves = { 0 };
  guint n_nodes = 0;

  scenario->line = node_line (node);
  read_scenario_attributes (self, scenario, node);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (child, "title"))
        {
          take_single (self, child, &leaves, &scenario->title,
                       read_leaf (self, child, &leaves, MAX_SHORT_TEXT_CHARS));
        }
      else if (is_element (child, "summary"))
        {
          take_single (self, child, &leaves, &scenario->summary,
                       read_leaf (self, child, &leaves, MAX_TEXT_CHARS));
        }
      else if (is_element (child, "goal"))
        {
          take_many (scenario->goals, read_leaf (self, child, &leaves, MAX_TEXT_CHARS));
        }
      else if (is_element (child, "content-note"))
        {
          take_many (scenario->content_notes, read_leaf (self, child, &leaves, MAX_TEXT_CHARS));
        }
      else if (is_element (child, "lesson-plan"))
        {
          read_lesson_plan (self, scenario, child);
        }
      else if (is_element (child, "check"))
        {
          read_check (self, scenario, child);
        }
      else if (is_element (child, "cast"))
        {
          for (xmlNode *person = child->children; person != NULL; person = person->next)
            {
              if (is_element (person, "person") &&
                  check_count (self, person, scenario->cast->len, MAX_CAST, "people in a cast"))
                read_person (self, scenario, person);
            }
          number_teams (scenario);
        }
      else if (is_element (child, "scene") || is_element (child, "ending"))
        {
          if (!check_count (self, child, n_nodes++, MAX_NODES_PER_SCENARIO,
                            "scenes and endings in a scenario"))
            continue;

          if (is_element (child, "scene"))
            g_ptr_array_add (scenario->scenes, read_scene (self, scenario, child));
          else
            g_ptr_array_add (scenario->endings, read_ending (self, scenario, child));
        }
    }

  return scenario;
}

static gboolean
is_https_address (const char *value)
{
  if (value == NULL || !g_str_has_prefix (value, "https://") ||
      strlen (value) <= strlen ("https://") || strlen (value) > MAX_URL_LENGTH)
    return FALSE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if ((guchar) *p <= ' ' || (guchar) *p >= 0x7F || strchr ("\"<>\\^`{|}", *p) != NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_phone_number (const char *value)
{
  gsize digits = 0;

  for (const char *p = value; *p != '\0'; p++)
    {
      /* Written as the service writes it, with its own grouping: "1-800-668-6868", "(852) 2343 2255". */
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!(*p == ' ' || *p == '-' || *p == '(' || *p == ')' || (*p == '+' && p == value)))
        return FALSE;
    }

  return digits >= 3 && digits <= 20;
}

/* What to send by SMS, such as "CONNECT": a word, never markup. */
static gboolean
is_sms_keyword (const char *value)
{
  gsize length = 0;

  for (const char *p = value; *p != '\0'; p++, length++)
    {
      if (!g_ascii_isalnum (*p))
        return FALSE;
    }

  return length >= 1 && length <= 20;
}

static gboolean
is_date (const char *value)
{
  unsigned year, month, day;
  char end;

  return strlen (value) == 10 && value[4] == '-' && value[7] == '-' &&
         sscanf (value, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* A plain, untranslated value such as a phone number or an address. */
static char *
read_plain (Loader   *self,
            xmlNode  *node,
            gboolean (*is_valid) (const char *value),
            const char *expected)
{
  g_autofree char *value = read_text (self, node, MAX_URL_LENGTH);

  if (value == NULL)
    return NULL;

  if (!is_valid (value))
    {
      g_autofree char *quoted = _upstander_quote (value);

      report_error (self, node, "<%s> %s is not %s", node->name, quoted, expected);
      return NULL;
    }

  return g_steal_pointer (&value);
}

/* An attribute holding a plain value, such as an SMS keyword; NULL when absent. */
static char *
read_plain_attribute (Loader     *self,
                      xmlNode    *node,
                      const char *name,
                      gboolean  (*is_valid) (const char *value),
                      const char *expected)
{
  g_autofree char *value = dup_attribute (node, name);

  if (value == NULL)
    return NULL;

  if (!is_valid (value))
    {
      g_autofree char *quoted = _upstander_quote (value);

      report_error (self, node, "%s=%s on <%s> is not %s", name, quoted, node->name, expected);
      return NULL;
    }

  return g_steal_pointer (&value);
}

/* Takes @value and @keyword; a way whose value was rejected is left out. */
static void
add_way (UpstanderContact *contact,
         UpstanderWayKind  kind,
         char             *value,
         char             *keyword)
{
  UpstanderContactWay *way;

  if (value == NULL)
    {
      g_free (keyword);
      return;
    }

  way = g_new0 (UpstanderContactWay, 1);
  way->kind = kind;
  way->value = value;
  way->keyword = keyword;
  g_ptr_array_add (contact->ways, way);

  /* The first number and address, for readers that know only those two. */
  if (kind == UPSTANDER_WAY_CALL && contact->phone == NULL)
    contact->phone = g_strdup (value);
  else if (kind == UPSTANDER_WAY_WEB && contact->url == NULL)
    contact->url = g_strdup (value);
}

static UpstanderContact *
read_contact (Loader  *self,
              xmlNode *node)
{
  UpstanderContact *contact = g_new0 (UpstanderContact, 1);
  g_autofree char *free_value = dup_attribute (node, "free");
  Leaves leaves = { 0 };

  contact->line = node_line (node);
  contact->kind = read_enum (node, "kind", UPSTANDER_TYPE_CONTACT_KIND, UPSTANDER_CONTACT_HELPLINE);
  contact->free = g_strcmp0 (free_value, "yes") == 0;
  contact->ways = g_ptr_array_new_with_free_func (upstander_contact_way_free);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "name"))
        take_single (self, child, &leaves, &contact->name,
                     read_leaf (self, child, &leaves, MAX_SHORT_TEXT_CHARS));
      else if (is_element (child, "description"))
        take_single (self, child, &leaves, &contact->description,
                     read_leaf (self, child, &leaves, MAX_TEXT_CHARS));
      else if (is_element (child, "hours"))
        take_single (self, child, &leaves, &contact->hours,
                     read_leaf (self, child, &leaves, MAX_SHORT_TEXT_CHARS));
      else if (is_element (child, "phone"))
        add_way (contact, UPSTANDER_WAY_CALL,
                 read_plain (self, child, is_phone_number,
                             "a phone number (digits, spaces, hyphens and brackets, with an optional leading +)"),
                 NULL);
      else if (is_element (child, "sms"))
        add_way (contact, UPSTANDER_WAY_TEXT,
                 read_plain (self, child, is_phone_number,
                             "a number to text (digits, spaces, hyphens and brackets, with an optional leading +)"),
                 read_plain_attribute (self, child, "keyword", is_sms_keyword, "a word of letters and digits"));
      else if (is_element (child, "chat"))
        add_way (contact, UPSTANDER_WAY_CHAT,
                 read_plain (self, child, is_https_address, "an https:// address"), NULL);
      else if (is_element (child, "form"))
        add_way (contact, UPSTANDER_WAY_FORM,
                 read_plain (self, child, is_https_address, "an https:// address"), NULL);
      else if (is_element (child, "url"))
        add_way (contact, UPSTANDER_WAY_WEB,
                 read_plain (self, child, is_https_address, "an https:// address"), NULL);
      else if (is_element (child, "local-name"))
        contact->local_name = read_text (self, child, MAX_SHORT_TEXT_CHARS);
      else if (is_element (child, "source"))
        contact->source = read_plain (self, child, is_https_address, "an https:// address");
      else if (is_element (child, "checked"))
        contact->checked = read_plain (self, child, is_date, "a date such as 2026-12-04");
    }

  return contact;
}

static UpstanderHelp *
read_help (Loader  *self,
           xmlNode *node,
           guint   *n_contacts)
{
  UpstanderHelp *help = g_new0 (UpstanderHelp, 1);
  g_autofree char *region = dup_attribute (node, "region");
  g_autoptr(GStrvBuilder) regions = g_strv_builder_new ();
  g_auto(GStrv) codes = g_strsplit_set (region != NULL ? region : "", " \t\n\r", -1);
  guint n_codes = 0;
  gboolean has_all = FALSE;

  help->line = node_line (node);
  help->advice = upstander_text_array_new ();
  help->contacts = g_ptr_array_new_with_free_func (upstander_contact_free);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (*codes[i] == '\0')
        continue;
      has_all |= g_str_equal (codes[i], "all");
      /* The schema admits any two capitals; "UK" would never match a reader in GB. */
      if (!g_str_equal (codes[i], "all") && !upstander_region_is_known (codes[i]))
        report_error (self, node, "region=\"%s\" is not an ISO 3166-1 code such as “GB”", codes[i]);
      g_strv_builder_add (regions, codes[i]);
      n_codes++;
    }
  if (n_codes > UPSTANDER_MAX_REGIONS)
    report_error (self, node, "region= lists %u values; the limit is %u",
                  n_codes, UPSTANDER_MAX_REGIONS);
  if (has_all && n_codes > 1)
    report_error (self, node, "region=\"all\" stands alone; give the other regions their own <help>");
  help->regions = g_strv_builder_end (regions);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "advice"))
        {
          Leaves leaves = { 0 };

          for (xmlNode *text = child->children; text != NULL; text = text->next)
            {
              if (is_element (text, "text"))
                take_many (help->advice, read_leaf (self, text, &leaves, MAX_TEXT_CHARS));
            }
        }
      else if (is_element (child, "contact") &&
               check_count (self, child, (*n_contacts)++, MAX_CONTACTS, "help contacts"))
        {
          g_ptr_array_add (help->contacts, read_contact (self, child));
        }
    }

  return help;
}

static UpstanderGuide *
read_guide (Loader  *self,
            xmlNode *node)
{
  UpstanderGuide *guide = g_new0 (UpstanderGuide, 1);
  g_autoptr(GStrvBuilder) sources = g_strv_builder_new ();
  Leaves leaves = { 0 };

  guide->line = node_line (node);
  guide->id = read_id (self, node, "id");
  guide->blocks = g_ptr_array_new_with_free_func (upstander_guide_block_free);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "title"))
        {
          take_single (self, child, &leaves, &guide->title,
                       read_leaf (self, child, &leaves, MAX_SHORT_TEXT_CHARS));
        }
      else if (is_element (child, "summary"))
        {
          take_single (self, child, &leaves, &guide->summary,
                       read_leaf (self, child, &leaves, MAX_TEXT_CHARS));
        }
      else if (is_element (child, "p"))
        {
          UpstanderText *text = read_leaf (self, child, &leaves, MAX_TEXT_CHARS);
          UpstanderGuideBlock *block;

          if (text == NULL)
            continue;

          block = g_new0 (UpstanderGuideBlock, 1);
          block->kind = UPSTANDER_GUIDE_PARAGRAPH;
          block->text = text;
          g_ptr_array_add (guide->blocks, block);
        }
      else if (is_element (child, "list"))
        {
          UpstanderGuideBlock *block = g_new0 (UpstanderGuideBlock, 1);
          Leaves item_leaves = { 0 };

          block->kind = UPSTANDER_GUIDE_LIST;
          block->items = upstander_text_array_new ();
          for (xmlNode *item = child->children; item != NULL; item = item->next)
            {
              if (is_element (item, "item"))
                take_many (block->items, read_leaf (self, item, &item_leaves, MAX_TEXT_CHARS));
            }
          g_ptr_array_add (guide->blocks, block);
        }
      else if (is_element (child, "source"))
        {
          g_autofree char *source = read_plain (self, child, is_https_address,
                                                "an https:// address");

          if (source != NULL)
            g_strv_builder_add (sources, source);
        }
    }

  guide->sources = g_strv_builder_end (sources);

  return guide;
}

static void
read_topic (Loader  *self,
            xmlNode *node)
{
  UpstanderBundle *bundle = self->state.bundle;
  UpstanderTopic *topic = g_new0 (UpstanderTopic, 1);
  Leaves leaves = { 0 };

  topic->id = read_id (self, node, "id");
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "name"))
        take_single (self, child, &leaves, &topic->name,
                     read_leaf (self, child, &leaves, MAX_SHORT_TEXT_CHARS));
    }

  if (topic->id == NULL || topic->name == NULL)
    {
      upstander_topic_free (topic);
      return;
    }

  if (lookup_topic (bundle, topic->id) != NULL)
    {
      report_error (self, node, "a second topic with id=\"%s\"", topic->id);
      upstander_topic_free (topic);
      return;
    }

  g_ptr_array_add (bundle->topics, topic);
  g_hash_table_insert (bundle->topics_by_id, topic->id, topic);
}

static void
read_info (Loader  *self,
           xmlNode *node)
{
  UpstanderBundle *bundle = self->state.bundle;
  Leaves leaves = { 0 };

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "name"))
        take_single (self, child, &leaves, &bundle->name,
                     read_leaf (self, child, &leaves, MAX_SHORT_TEXT_CHARS));
      else if (is_element (child, "description"))
        take_single (self, child, &leaves, &bundle->description,
                     read_leaf (self, child, &leaves, MAX_TEXT_CHARS));
      else if (is_element (child, "author"))
        bundle->author = read_text (self, child, MAX_SHORT_TEXT_CHARS);
      else if (is_element (child, "license"))
        bundle->license = read_text (self, child, MAX_SHORT_TEXT_CHARS);
    }
}

static void
read_bundle (Loader  *self,
             xmlNode *root)
{
  UpstanderBundle *bundle = self->state.bundle;
  g_autofree char *written_lang = dup_lang (root);
  g_autofree char *lang = upstander_language_tag_normalize (written_lang, UPSTANDER_LANGUAGE_TAG_BCP47);
  guint n_contacts = 0;

  bundle->id = read_id (self, root, "id");
  read_number (self, root, "version", 1, 1000000, &bundle->version);

  if (lang == NULL)
    {
      g_autofree char *quoted = _upstander_quote (written_lang);

      report_error (self, root, "the bundle's xml:lang=%s is not a language tag like “en”", quoted);
      return;
    }
  bundle->lang = g_steal_pointer (&lang);
  self->lang = bundle->lang;

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (_upstander_past_deadline (&self->state))
        return;

      if (is_element (child, "info"))
        {
          read_info (self, child);
        }
      else if (is_element (child, "topic"))
        {
          if (check_count (self, child, bundle->topics->len, MAX_TOPICS, "topics"))
            read_topic (self, child);
        }
      else if (is_element (child, "scenario"))
        {
          UpstanderScenario *scenario;

          if (!check_count (self, child, bundle->scenarios->len, MAX_SCENARIOS, "scenarios"))
            continue;

          scenario = read_scenario (self, child);
          if (scenario->id != NULL && upstander_bundle_lookup_scenario (bundle, scenario->id) != NULL)
            report_error (self, child, "a second scenario with id=\"%s\"", scenario->id);
          g_ptr_array_add (bundle->scenarios, scenario);
        }
      else if (is_element (child, "help"))
        {
          g_ptr_array_add (bundle->help, read_help (self, child, &n_contacts));
        }
      else if (is_element (child, "guide"))
        {
          UpstanderGuide *guide;

          if (!check_count (self, child, bundle->guides->len, MAX_GUIDES, "guides"))
            continue;

          guide = read_guide (self, child);
          if (guide->id != NULL && upstander_bundle_lookup_guide (bundle, guide->id) != NULL)
            report_error (self, child, "a second guide with id=\"%s\"", guide->id);
          g_ptr_array_add (bundle->guides, guide);
        }
    }
}

/* Parsing and the schema. */

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  UpstanderLoadState *state = user_data;
  g_autofree char *message = NULL;
  guint line = error->line > 0 ? (guint) error->line : 0;
  guint column = error->int2 > 0 ? (guint) error->int2 : 0;

  /* libxml2 quotes the file's own bytes in its messages, whatever they are:
   * make the message valid UTF-8 and printable (found by fuzz-bundle). */
  message = error->message != NULL ? g_utf8_make_valid (error->message, -1)
                                   : g_strdup ("malformed XML");
  for (char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        {
          gsize width = g_utf8_next_char (p) - p;

          /* One diagnostic, one line: libxml2 adds its own line breaks ("Bytes: …"). */
          memset (p, c == '\n' || c == '\r' || c == '\t' ? ' ' : '?', width);
        }
    }
  g_strstrip (message);

  /* libxml2 only warns of some things a bundle must not have (XML 1.1, say);
   * those are checked separately, so its warnings stay warnings. */
  _upstander_report (state, line, column,
                     error->level == XML_ERR_WARNING ? UPSTANDER_SEVERITY_WARNING
                                                     : UPSTANDER_SEVERITY_ERROR,
                     "%s", message);
}

/* Parser errors arrive with the context as user data; its _private is the state. */
static void
parser_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;

  structured_error_cb (ctxt->_private, error);
}

static void
ignore_generic_error_cb (void       *user_data,
                         const char *format,
                         ...)
{
}

static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;

  _upstander_report (ctxt->_private, xmlSAX2GetLineNumber (ctxt), 0, UPSTANDER_SEVERITY_ERROR,
                     "a DOCTYPE is not allowed in a bundle (it could declare entities or load "
                     "other files); remove it");
  xmlStopParser (ctxt);
}

static void
processing_instruction_cb (void          *user_data,
                           const xmlChar *target,
                           const xmlChar *data)
{
  xmlParserCtxtPtr ctxt = user_data;
  g_autofree char *quoted = _upstander_quote ((const char *) target);

  _upstander_report (ctxt->_private, xmlSAX2GetLineNumber (ctxt), 0, UPSTANDER_SEVERITY_ERROR,
                     "processing instructions (<?%s …?>) are not allowed in a bundle", quoted);
  xmlStopParser (ctxt);
}

/* Builds the tree as libxml2 does, and stops it once past the deadline. */
static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = user_data;
  UpstanderLoadState *state = ctxt->_private;

  xmlSAX2StartElementNs (ctxt, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);

  if (++state->n_elements % 4096 == 0 && _upstander_past_deadline (state))
    xmlStopParser (ctxt);
}

static xmlDoc *
parse_document (UpstanderLoadState *state,
                const char         *data,
                gsize               size)
{
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  if (size > G_MAXINT)
    return NULL;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      _upstander_report (state, 0, 0, UPSTANDER_SEVERITY_ERROR, "out of memory");
      return NULL;
    }

  ctxt->_private = state;
  ctxt->sax->initialized = XML_SAX2_MAGIC;
  ctxt->sax->serror = parser_error_cb;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->processingInstruction = processing_instruction_cb;
  /* Comments mean nothing to the loader: not kept, they cost no nodes. */
  ctxt->sax->comment = NULL;
  ctxt->sax->startElementNs = start_element_cb;

  doc = xmlCtxtReadMemory (ctxt, data, (int) size, state->file, NULL, PARSE_OPTIONS);

  if (doc != NULL && (!ctxt->wellFormed || ctxt->disableSAX))
    g_clear_pointer (&doc, xmlFreeDoc);

  xmlFreeParserCtxt (ctxt);

  return doc;
}

static xmlRelaxNGPtr
load_schema (void)
{
  static xmlRelaxNGPtr schema;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (SCHEMA_RESOURCE, 0, NULL);
      xmlRelaxNGParserCtxtPtr parser;
      gsize size = 0;
      const char *data;

      /* The schema is compiled into the library; without it nothing loads. */
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert (schema != NULL);

      g_once_init_leave (&initialized, 1);
    }

  return schema;
}

static gboolean
validate_structure (UpstanderLoadState *state,
                    xmlDoc             *doc)
{
  static GMutex mutex;
  xmlRelaxNGValidCtxtPtr validator;
  int result;

  /* With a document URL, libxml2 2.9.14 walks back over every earlier node
   * for each validity error (looking for an xi:include to name the file):
   * quadratic in a file full of errors. Messages name the file themselves. */
  xmlFree ((xmlChar *) doc->URL);
  doc->URL = NULL;

  g_mutex_lock (&mutex);
  validator = xmlRelaxNGNewValidCtxt (load_schema ());
  xmlRelaxNGSetValidStructuredErrors (validator, structured_error_cb, state);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  g_mutex_unlock (&mutex);

  if (result != 0 && state->n_errors == 0)
    _upstander_report (state, 0, 0, UPSTANDER_SEVERITY_ERROR,
                       "the bundle does not follow the format (see docs/bundle-format.md)");

  return result == 0;
}

/*
 * libxml2's RELAX NG messages say only that an element "failed to validate
 * attributes" or "Expecting an element , got nothing". For the mistakes
 * authors make most (a value outside a fixed set, a scene that ends
 * without a way on), say what is wrong and what would be right, before the
 * schema runs.
 */
static const struct
{
  const char *element;
  const char *attribute;
  GType     (*enum_type) (void);  /* the values are this enum's nicks… */
  int         unwritten;          /* …but for this one, which a left-out attribute stands for */
  const char *values;             /* or, without an enum: space-separated, as in the schema */
} enumerations[] = {
  { "scene", "place", upstander_place_get_type, -1, NULL },
  { "scene", "start", NULL, -1, "yes" },
  { "choice", "effect", upstander_effect_get_type, -1, NULL },
  { "ending", "outcome", upstander_outcome_get_type, -1, NULL },
  { "person", "role", upstander_role_get_type, UPSTANDER_ROLE_NONE, NULL },
  { "person", "avatar", NULL, -1, UPSTANDER_AVATAR_NAMES },
  { "contact", "kind", upstander_contact_kind_get_type, -1, NULL },
  { "contact", "free", NULL, -1, "yes" },
};

static gboolean
has_child_element (xmlNode    *node,
                   const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, name))
        return TRUE;
    }

  return FALSE;
}

/* Whether @value is one of the space-separated @values. */
static gboolean
is_one_of (const char *value,
           const char *values)
{
  gsize length = strlen (value);

  if (length == 0 || strchr (value, ' ') != NULL)
    return FALSE;

  for (const char *p = values; (p = strstr (p, value)) != NULL; p++)
    {
      if ((p == values || p[-1] == ' ') && (p[length] == ' ' || p[length] == '\0'))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_allowed (guint       enumeration,
            const char *value)
{
  int parsed;

  if (enumerations[enumeration].enum_type == NULL)
    return is_one_of (value, enumerations[enumeration].values);

  return upstander_enum_from_nick (enumerations[enumeration].enum_type (), value, &parsed) &&
         parsed != enumerations[enumeration].unwritten;
}

/* What a bundle may write for an enumeration, for a message: "yes", or "helpful, mixed, harmful". */
static char *
list_allowed (guint enumeration)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) list = NULL;

  if (enumerations[enumeration].enum_type == NULL)
    {
      g_auto(GStrv) allowed = g_strsplit (enumerations[enumeration].values, " ", -1);

      return g_strjoinv (", ", allowed);
    }

  klass = g_type_class_ref (enumerations[enumeration].enum_type ());
  list = g_string_new (NULL);
  for (guint v = 0; v < klass->n_values; v++)
    {
      if (klass->values[v].value == enumerations[enumeration].unwritten)
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, klass->values[v].value_nick);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
check_before_schema (UpstanderLoadState *state,
                     xmlNode            *node)
{
  /* The parser's depth limit bounds this recursion. */
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (node, "scene") &&
          !has_child_element (node, "decision") && !has_child_element (node, "continue"))
        {
          g_autofree char *id = dup_attribute (node, "id");
          g_autofree char *quoted = _upstander_quote (id);

          _upstander_report (state, node_line (node), 0, UPSTANDER_SEVERITY_ERROR,
                             "scene %s has no way forward: end it with a <decision> or "
                             "<continue next=\"…\"/>", quoted);
        }

      for (guint i = 0; i < G_N_ELEMENTS (enumerations); i++)
        {
          g_autofree char *value = NULL;
          g_autofree char *quoted = NULL;
          g_autofree char *allowed = NULL;

          if (!g_str_equal ((const char *) node->name, enumerations[i].element))
            continue;

          value = dup_attribute (node, enumerations[i].attribute);
          if (value == NULL || is_allowed (i, value))
            continue;

          quoted = _upstander_quote (value);
          allowed = list_allowed (i);
          _upstander_report (state, node_line (node), 0, UPSTANDER_SEVERITY_ERROR,
                             "%s=%s is not one of: %s", enumerations[i].attribute, quoted, allowed);
        }

      check_before_schema (state, node->children);
    }
}

/* What _upstander_report() counts, to put back. */
typedef struct
{
  guint    n_errors;
  guint    n_reported;
  guint    n_warnings_reported;
  gboolean said_too_many;
} ReportCounts;

static ReportCounts
get_report_counts (UpstanderLoadState *state)
{
  return (ReportCounts) { state->n_errors, state->n_reported, state->n_warnings_reported,
                          state->said_too_many };
}

static void
set_report_counts (UpstanderLoadState *state,
                   ReportCounts        counts)
{
  state->n_errors = counts.n_errors;
  state->n_reported = counts.n_reported;
  state->n_warnings_reported = counts.n_warnings_reported;
  state->said_too_many = counts.said_too_many;
}

/*
 * The checks before the schema, run after the fact: what was reported since
 * @mark (@counts then) stands only if they find nothing; else they speak
 * instead, as when they ran first and stopped the load.
 */
static void
explain_since (UpstanderLoadState *state,
               xmlDoc             *doc,
               guint               mark,
               ReportCounts        counts)
{
  g_autoptr(GPtrArray) since = upstander_diagnostics_new ();
  ReportCounts counts_since = get_report_counts (state);

  for (guint i = mark; i < state->diagnostics->len; i++)
    g_ptr_array_add (since, g_steal_pointer (&g_ptr_array_index (state->diagnostics, i)));
  g_ptr_array_set_size (state->diagnostics, mark);
  set_report_counts (state, counts);

  check_before_schema (state, xmlDocGetRootElement (doc));

  if (state->n_errors == counts.n_errors)
    {
      set_report_counts (state, counts_since);
      g_ptr_array_extend_and_steal (state->diagnostics, g_steal_pointer (&since));
    }
}

/*
 * The schema first: a valid bundle (nearly every one) is not walked by the
 * checks before it, which only say more than libxml2 does about a few
 * mistakes. The schema is at least as strict as those checks (its values
 * compare as strings, not tokens), but for the avatar names, which
 * read_person() checks. So whenever the schema or the reading refuses the
 * bundle, explain_since() runs those checks, and their messages replace
 * what came after the parse, as when they ran first.
 */
static gboolean
validate_or_explain (UpstanderLoadState *state,
                     xmlDoc             *doc)
{
  guint mark = state->diagnostics->len;
  ReportCounts counts = get_report_counts (state);

  if (validate_structure (state, doc))
    return TRUE;

  explain_since (state, doc, mark, counts);

  return FALSE;
}

static gboolean
check_document (UpstanderLoadState *state,
                xmlDoc             *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (doc->version == NULL || !g_str_equal ((const char *) doc->version, "1.0"))
    {
      _upstander_report (state, 1, 0, UPSTANDER_SEVERITY_ERROR,
                         "the XML declaration must say version=\"1.0\"");
      return FALSE;
    }

  if (doc->encoding != NULL &&
      g_ascii_strcasecmp ((const char *) doc->encoding, "UTF-8") != 0 &&
      g_ascii_strcasecmp ((const char *) doc->encoding, "UTF-16") != 0)
    {
      g_autofree char *quoted = _upstander_quote ((const char *) doc->encoding);

      _upstander_report (state, 1, 0, UPSTANDER_SEVERITY_ERROR,
                         "the encoding %s is not supported; save the bundle as UTF-8", quoted);
      return FALSE;
    }

  if (root == NULL || !g_str_equal ((const char *) root->name, "bundle") ||
      root->ns == NULL || !g_str_equal ((const char *) root->ns->href, BUNDLE_NAMESPACE))
    {
      _upstander_report (state, root != NULL ? node_line (root) : 1, 0, UPSTANDER_SEVERITY_ERROR,
                         "the root element must be <bundle xmlns=\"" BUNDLE_NAMESPACE "\">");
      return FALSE;
    }

  return TRUE;
}

static gboolean
looks_compressed (const guchar *data,
                  gsize         size)
{
  return (size >= 2 && data[0] == 0x1F && data[1] == 0x8B) ||                 /* gzip */
         (size >= 6 && memcmp (data, "\xFD" "7zXZ\0", 6) == 0) ||            /* xz */
         (size >= 3 && memcmp (data, "BZh", 3) == 0);                         /* bzip2 */
}

/* The streaming pass reads UTF-8; a UTF-16 bundle (accepted, with its
 * byte-order mark or its "<" telling) is converted for it first. */
static void
prescan (UpstanderLoadState *state,
         const guchar       *data,
         gsize               size)
{
  g_autofree char *converted = NULL;
  const char *from = NULL;
  gsize converted_size = 0;

  if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == '<' && data[1] == 0)))
    from = "UTF-16LE";
  else if (size >= 2 && ((data[0] == 0xFE && data[1] == 0xFF) || (data[0] == 0 && data[1] == '<')))
    from = "UTF-16BE";

  if (from == NULL)
    {
      _upstander_prescan (state, (const char *) data, size);
      return;
    }

  converted = g_convert ((const char *) data, size & ~(gsize) 1, "UTF-8", from, NULL,
                         &converted_size, NULL);
  if (converted == NULL)
    {
      _upstander_report (state, 1, 0, UPSTANDER_SEVERITY_ERROR,
                         "the file looks like UTF-16 but is not valid UTF-16; save the bundle as UTF-8");
      return;
    }

  _upstander_prescan (state, converted, converted_size);
}

static UpstanderBundle *load_bytes_until (GBytes      *bytes,
                                          const char  *display_name,
                                          gint64       deadline,
                                          GPtrArray   *diagnostics,
                                          GError     **error);

/**
 * upstander_bundle_load_bytes:
 * @bytes: the bundle's XML
 * @display_name: how diagnostics name the file
 * @diagnostics: (element-type UpstanderDiagnostic): where problems are added
 * @error: set when the bundle is not loaded
 *
 * Parses and checks a bundle. Every problem found goes to @diagnostics; a
 * bundle with any error is not returned at all.
 *
 * Returns: (transfer full) (nullable): the bundle, or %NULL with @error set
 */
UpstanderBundle *
upstander_bundle_load_bytes (GBytes      *bytes,
                             const char  *display_name,
                             GPtrArray   *diagnostics,
                             GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes_until (bytes, display_name, 0, diagnostics, error);
}

static UpstanderBundle *
load_bytes_until (GBytes      *bytes,
                  const char  *display_name,
                  gint64       deadline,
                  GPtrArray   *diagnostics,
                  GError     **error)
{
  g_autoptr(UpstanderBundle) bundle = NULL;
  g_autoptr(GPtrArray) own_diagnostics = NULL;
  Loader self = { { 0 } };
  xmlDoc *doc;
  const guchar *data;
  gsize size;

  if (diagnostics == NULL)
    diagnostics = own_diagnostics = upstander_diagnostics_new ();

  bundle = _upstander_bundle_new ();
  bundle->source = g_strdup (display_name != NULL ? display_name : "(bundle)");

  self.state.file = bundle->source;
  self.state.diagnostics = diagnostics;
  self.state.bundle = bundle;
  self.state.deadline = deadline;

  data = g_bytes_get_data (bytes, &size);

  if (size > UPSTANDER_BUNDLE_MAX_SIZE)
    {
      g_autofree char *shown = upstander_diagnostic_escape_name (bundle->source);

      g_set_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_TOO_LARGE,
                   "%s is larger than %u MiB", shown, UPSTANDER_BUNDLE_MAX_SIZE >> 20);
      _upstander_report (&self.state, 0, 0, UPSTANDER_SEVERITY_ERROR,
                         "the file is larger than %u MiB", UPSTANDER_BUNDLE_MAX_SIZE >> 20);
      return NULL;
    }

  if (size == 0)
    _upstander_report (&self.state, 1, 0, UPSTANDER_SEVERITY_ERROR, "the file is empty");
  else if (looks_compressed (data, size))
    _upstander_report (&self.state, 1, 0, UPSTANDER_SEVERITY_ERROR,
                       "the file is compressed; a bundle must be plain XML");

  if (self.state.n_errors == 0 && !_upstander_past_deadline (&self.state))
    prescan (&self.state, data, size);

  if (self.state.n_errors == 0 && !_upstander_past_deadline (&self.state))
    {
      /* libxml2 keeps its error handlers per thread; keep its own quiet. */
      xmlSetGenericErrorFunc (NULL, ignore_generic_error_cb);
      xmlSetStructuredErrorFunc (&self.state, structured_error_cb);

      doc = parse_document (&self.state, (const char *) data, size);
      if (doc == NULL && self.state.n_errors == 0)
        _upstander_report (&self.state, 0, 0, UPSTANDER_SEVERITY_ERROR, "the file is not well-formed XML");

      /* After an error in the parse the schema does not run; the checks
       * before it still say what they find. */
      if (doc != NULL && check_document (&self.state, doc) && self.state.n_errors > 0)
        check_before_schema (&self.state, xmlDocGetRootElement (doc));

      if (doc != NULL && self.state.n_errors == 0 && !_upstander_past_deadline (&self.state) &&
          validate_or_explain (&self.state, doc) && !_upstander_past_deadline (&self.state))
        {
          ReportCounts counts = get_report_counts (&self.state);
          guint mark = diagnostics->len;

          read_bundle (&self, xmlDocGetRootElement (doc));
          if ((self.state.n_errors > counts.n_errors || self.unexplained) && !self.state.timed_out)
            explain_since (&self.state, doc, mark, counts);
          else
            _upstander_check_bundle (&self.state);
        }

      g_clear_pointer (&doc, xmlFreeDoc);
      xmlSetStructuredErrorFunc (NULL, NULL);
    }

  if (self.scratch != NULL)
    g_string_free (g_steal_pointer (&self.scratch), TRUE);

  if (self.state.n_errors > 0)
    {
      g_autofree char *shown = upstander_diagnostic_escape_name (bundle->source);

      if (self.state.timed_out)
        g_set_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_TIMED_OUT,
                     "%s was not loaded within its deadline", shown);
      else
        g_set_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID,
                     "%s was not loaded: %u problem(s) found", shown, self.state.n_errors);
      return NULL;
    }

  return g_steal_pointer (&bundle);
}

/* Reports a file that could not be read at all; always returns %NULL. */
static UpstanderBundle *
refuse_unread (const char  *name,
               gint         code,
               const char  *message,
               GPtrArray   *diagnostics,
               GError     **error)
{
  g_autofree char *shown = upstander_diagnostic_escape_name (name);

  g_set_error (error, UPSTANDER_BUNDLE_ERROR, code, "%s: %s", shown, message);
  if (diagnostics != NULL)
    g_ptr_array_add (diagnostics,
                     upstander_diagnostic_new (name, 0, 0, UPSTANDER_SEVERITY_ERROR, message));

  return NULL;
}

/*
 * Open first, then check what was opened: a path checked and then opened
 * again can be swapped in between (for a FIFO, whose read never returns).
 * O_NONBLOCK makes opening a FIFO return at once; fstat() on the descriptor
 * then refuses anything that is not a regular file.
 */
static GBytes *
read_native (const char  *path,
             GPtrArray   *diagnostics,
             GError     **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  struct stat st;
  int fd;

  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf ("could not read the file: %s",
                                                  g_strerror (saved_errno));

      refuse_unread (path, UPSTANDER_BUNDLE_ERROR_READ, message, diagnostics, error);
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      refuse_unread (path, UPSTANDER_BUNDLE_ERROR_READ,
                     "could not read the file: not a regular file", diagnostics, error);
      return NULL;
    }

  if (st.st_size > UPSTANDER_BUNDLE_MAX_SIZE)
    {
      close (fd);
      refuse_unread (path, UPSTANDER_BUNDLE_ERROR_TOO_LARGE, "the file is larger than 16 MiB",
                     diagnostics, error);
      return NULL;
    }

  buffer = g_byte_array_sized_new ((guint) st.st_size);
  /* The size may change while reading: the cap is checked on what arrives. */
  for (;;)
    {
      guchar chunk[65536];
      gssize n_read = read (fd, chunk, sizeof chunk);

      if (n_read < 0 && errno == EINTR)
        continue;

      if (n_read < 0)
        {
          int saved_errno = errno;
          g_autofree char *message = g_strdup_printf ("could not read the file: %s",
                                                      g_strerror (saved_errno));

          close (fd);
          refuse_unread (path, UPSTANDER_BUNDLE_ERROR_READ, message, diagnostics, error);
          return NULL;
        }

      if (n_read == 0)
        break;

      if (buffer->len + (gsize) n_read > UPSTANDER_BUNDLE_MAX_SIZE)
        {
          close (fd);
          refuse_unread (path, UPSTANDER_BUNDLE_ERROR_TOO_LARGE, "the file is larger than 16 MiB",
                         diagnostics, error);
          return NULL;
        }

      g_byte_array_append (buffer, chunk, (guint) n_read);
    }

  close (fd);

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * upstander_bundle_load_file:
 *
 * Reads at most %UPSTANDER_BUNDLE_MAX_SIZE bytes of a regular file (or a
 * resource:// URI) and loads it as upstander_bundle_load_bytes() does.
 * Errors reading it are %UPSTANDER_BUNDLE_ERROR_READ or _TOO_LARGE.
 */
UpstanderBundle *
upstander_bundle_load_file (GFile         *file,
                            GCancellable  *cancellable,
                            GPtrArray     *diagnostics,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _upstander_bundle_load_file_until (file, 0, diagnostics, error);
}

/* As upstander_bundle_load_file(), skipping the bundle once past @deadline
 * (monotonic time, 0 for none) with %UPSTANDER_BUNDLE_ERROR_TIMED_OUT. */
UpstanderBundle *
_upstander_bundle_load_file_until (GFile      *file,
                                   gint64      deadline,
                                   GPtrArray  *diagnostics,
                                   GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  if (g_file_is_native (file))
    {
      name = g_file_get_path (file);
      bytes = read_native (name, diagnostics, error);
    }
  else if (g_file_has_uri_scheme (file, "resource"))
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *unescaped = g_uri_unescape_string (uri + strlen ("resource://"), NULL);

      name = g_steal_pointer (&uri);
      if (unescaped != NULL)
        bytes = g_resources_lookup_data (unescaped, 0, &local_error);
      if (bytes == NULL)
        {
          g_autofree char *message = g_strdup_printf ("could not read the file: %s",
                                                      local_error != NULL ? local_error->message
                                                                          : "not a resource");

          return refuse_unread (name, UPSTANDER_BUNDLE_ERROR_READ, message, diagnostics, error);
        }
      if (g_bytes_get_size (bytes) > UPSTANDER_BUNDLE_MAX_SIZE)
        return refuse_unread (name, UPSTANDER_BUNDLE_ERROR_TOO_LARGE,
                              "the file is larger than 16 MiB", diagnostics, error);
    }
  else
    {
      /* Bundles are local: another scheme could reach the network or block. */
      name = g_file_get_uri (file);
      return refuse_unread (name, UPSTANDER_BUNDLE_ERROR_READ,
                            "could not read the file: only local files are read", diagnostics,
                            error);
    }

  if (bytes == NULL)
    return NULL;

  return load_bytes_until (bytes, name, deadline, diagnostics, error);
}

UpstanderBundle *
upstander_bundle_load_resource (const char  *resource_path,
                                GPtrArray   *diagnostics,
                                GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, 0, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_READ,
                   "%s: %s", resource_path, local_error->message);
      return NULL;
    }

  return upstander_bundle_load_bytes (bytes, resource_path, diagnostics, error);
}
