/* upstander-text.c: a translatable text that keeps every language variant
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-text.h"

#include <string.h>

/*
 * A library of 1,000 stories holds over 100,000 texts, most of them with
 * no translation: each text is one allocation, its original's language tag
 * and value inside it, and each translation one more (docs/performance.md).
 * An array, its header, a copy of "en" and the value apart cost 150 bytes a
 * text more, 17 MiB for such a library.
 */
typedef struct
{
  const char *lang;   /* "<lang>\0<value>\0", one allocation */
  const char *value;  /* inside lang's allocation */
} Variant;

struct _UpstanderText
{
  Variant *translations;    /* nullable: the variants after the original */
  guint    n_translations;
  guint    value_offset;    /* of the original's value in data */
  char     data[];          /* the original: "<lang>\0<value>\0" */
};

/* "<lang>\0<value>\0" in one allocation; returns it, the value after it. */
static char *
pack (const char  *lang,
      const char  *value,
      gsize       *value_offset)
{
  gsize lang_size = strlen (lang) + 1;
  gsize value_size = strlen (value) + 1;
  char *packed = g_malloc (lang_size + value_size);

  memcpy (packed, lang, lang_size);
  memcpy (packed + lang_size, value, value_size);
  *value_offset = lang_size;

  return packed;
}

static Variant
variant_at (const UpstanderText *self,
            guint                index)
{
  Variant original = { self->data, self->data + self->value_offset };

  return index == 0 ? original : self->translations[index - 1];
}

UpstanderText *
upstander_text_new (const char *lang,
                    const char *value)
{
  UpstanderText *self;
  gsize lang_size, value_size;

  g_return_val_if_fail (lang != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  lang_size = strlen (lang) + 1;
  value_size = strlen (value) + 1;
  self = g_malloc (sizeof (UpstanderText) + lang_size + value_size);
  self->translations = NULL;
  self->n_translations = 0;
  self->value_offset = lang_size;
  memcpy (self->data, lang, lang_size);
  memcpy (self->data + lang_size, value, value_size);

  return self;
}

UpstanderText *
upstander_text_copy (const UpstanderText *self)
{
  UpstanderText *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = upstander_text_new (upstander_text_get_original_language (self),
                             upstander_text_get_original (self));
  for (guint i = 0; i < self->n_translations; i++)
    upstander_text_add_variant (copy, self->translations[i].lang, self->translations[i].value);

  return copy;
}

void
upstander_text_free (UpstanderText *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_translations; i++)
    g_free ((char *) self->translations[i].lang);
  g_free (self->translations);
  g_free (self);
}

/* Returns FALSE when @lang already has a variant. */
gboolean
upstander_text_add_variant (UpstanderText *self,
                            const char    *lang,
                            const char    *value)
{
  Variant *variant;
  gsize value_offset;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (lang != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (upstander_text_lookup (self, lang) != NULL)
    return FALSE;

  self->translations = g_renew (Variant, self->translations, self->n_translations + 1);
  variant = &self->translations[self->n_translations++];
  variant->lang = pack (lang, value, &value_offset);
  variant->value = variant->lang + value_offset;

  return TRUE;
}

const char *
upstander_text_get_original (const UpstanderText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->data + self->value_offset;
}

const char *
upstander_text_get_original_language (const UpstanderText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->data;
}

guint
upstander_text_get_n_variants (const UpstanderText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return 1 + self->n_translations;
}

const char *
upstander_text_get_variant (const UpstanderText  *self,
                            guint                 index,
                            const char          **lang)
{
  Variant variant;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index <= self->n_translations, NULL);

  variant = variant_at (self, index);
  if (lang != NULL)
    *lang = variant.lang;

  return variant.value;
}

/* Exact lookup: "pt-BR" and "pt_br" are the same tag. */
const char *
upstander_text_lookup (const UpstanderText *self,
                       const char          *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  for (guint i = 0; i <= self->n_translations; i++)
    {
      Variant variant = variant_at (self, i);

      if (strlen (lang) == strlen (variant.lang) && upstander_language_matches (lang, variant.lang))
        return variant.value;
    }

  return NULL;
}

/**
 * upstander_text_fold_for_search:
 *
 * @text case-folded and in one normal form, so that a search finds "Élan"
 * for "élan" whether either was typed composed or not, and "ﬁ" as "fi".
 *
 * Returns: (transfer full): the folded text
 */
char *
upstander_text_fold_for_search (const char *text)
{
  g_autofree char *folded = NULL;
  char *normal;

  g_return_val_if_fail (text != NULL, NULL);

  /* Plain ASCII folds to its lower case and is already normal: most
   * English text, at a fraction of the cost of the two passes below. */
  for (const char *c = text; (guchar) *c < 0x80; c++)
    if (*c == '\0')
      return g_ascii_strdown (text, -1);

  folded = g_utf8_casefold (text, -1);
  normal = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);

  /* NULL only for invalid UTF-8, which the loader never lets in; a query could. */
  return normal != NULL ? normal : g_steal_pointer (&folded);
}

/*
 * The best variant for a reader: the first language in @languages that some
 * variant serves wins; a more specific variant ("pt-BR") is preferred to a
 * general one ("pt") for the same wanted language. Without a match, the
 * original. Never NULL, never blank: the loader refuses blank texts.
 */
const char *
upstander_text_get (const UpstanderText *self,
                    const char * const  *languages)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint l = 0; languages != NULL && languages[l] != NULL; l++)
    {
      const char *best_lang = NULL;
      const char *best = NULL;

      if (g_str_equal (languages[l], "C") || g_str_equal (languages[l], "POSIX"))
        continue;

      for (guint i = 0; i <= self->n_translations; i++)
        {
          Variant variant = variant_at (self, i);

          if (upstander_language_matches (languages[l], variant.lang) &&
              (best == NULL || strlen (variant.lang) > strlen (best_lang)))
            {
              best_lang = variant.lang;
              best = variant.value;
            }
        }

      if (best != NULL)
        return best;
    }

  return upstander_text_get_original (self);
}

/*
 * Whether the script @text is written in has true italics: Latin, Greek
 * and Cyrillic do; Arabic, Chinese and most other scripts do not, and a
 * renderer that slants them anyway draws a synthetic oblique that is harder
 * to read. The first letter of a script decides, as the first strong
 * character decides the direction of isolated text.
 */
gboolean
upstander_text_script_has_italics (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      switch (script)
        {
        case G_UNICODE_SCRIPT_COMMON:
        case G_UNICODE_SCRIPT_INHERITED:
        case G_UNICODE_SCRIPT_UNKNOWN:
          continue;

        case G_UNICODE_SCRIPT_LATIN:
        case G_UNICODE_SCRIPT_GREEK:
        case G_UNICODE_SCRIPT_CYRILLIC:
          return TRUE;

        default:
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
has_rtl_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW ||
          script == G_UNICODE_SCRIPT_SYRIAC || script == G_UNICODE_SCRIPT_THAANA ||
          script == G_UNICODE_SCRIPT_NKO)
        return TRUE;
    }

  return FALSE;
}

/**
 * upstander_text_isolate_ltr_runs:
 * @text: plain text
 *
 * In right-to-left text, web addresses and runs of numbers ("8–11",
 * "+44 800 1111") are laid out by the bidi algorithm piece by piece: a
 * trailing "/" jumps to the front ("/https://example.org") and "8–11" reads
 * "11–8". Each such run is wrapped in LEFT-TO-RIGHT ISOLATE … POP
 * DIRECTIONAL ISOLATE, so it stays whole and in order. Text with no
 * right-to-left letter, and text that already isolates its parts (a help
 * line such as "Call ⁨900 20 20 10⁩"), is returned unchanged.
 *
 * Returns: (transfer full): the text to show
 */
char *
upstander_text_isolate_ltr_runs (const char *text)
{
  static GRegex *runs;
  g_autoptr(GString) out = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  int last = 0;

  if (text == NULL)
    return g_strdup ("");

  if (!has_rtl_letter (text) || strstr (text, "\u2068") != NULL || strstr (text, "\u2066") != NULL)
    return g_strdup (text);

  if (g_once_init_enter (&runs))
    {
      /* An address up to the space or closing punctuation after it; a
       * number, with the separators phone numbers and ranges use inside. */
      GRegex *regex = g_regex_new ("https?://[^\\s«»\"“”()\\[\\]<>]*[^\\s«»\"“”()\\[\\]<>.,;:!?؟،؛]"
                                   "|\\+?[0-9]+(?:[ \\-–.:/][0-9]+)+",
                                   G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (regex != NULL);
      g_once_init_leave (&runs, regex);
    }

  out = g_string_new (NULL);
  g_regex_match (runs, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_string_append_len (out, text + last, start - last);
      g_string_append (out, "\u2066");
      g_string_append_len (out, text + start, end - start);
      g_string_append (out, "\u2069");
      last = end;
      g_match_info_next (match, NULL);
    }
  g_string_append (out, text + last);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A character no text may hold: controls would corrupt the display; bidi
 * overrides and isolates let text disguise itself (the app isolates
 * mixed-direction text on its own). */
gboolean
upstander_text_is_forbidden_char (gunichar c)
{
  return (c < 0x20) || (c >= 0x7F && c <= 0x9F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}
