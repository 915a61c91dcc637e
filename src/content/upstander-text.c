/* upstander-text.c: a translatable text that keeps every language variant */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-text.h"

#include <string.h>

typedef struct
{
  char *lang;
  char *value;
} Variant;

struct _UpstanderText
{
  /* The first variant is the original, in the bundle's own language. */
  GArray *variants;
};

static void
variant_clear (gpointer data)
{
  Variant *variant = data;

  g_free (variant->lang);
  g_free (variant->value);
}

UpstanderText *
upstander_text_new (const char *lang,
                    const char *value)
{
  UpstanderText *self;

  g_return_val_if_fail (lang != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  self = g_new0 (UpstanderText, 1);
  self->variants = g_array_sized_new (FALSE, TRUE, sizeof (Variant), 1);
  g_array_set_clear_func (self->variants, variant_clear);
  upstander_text_add_variant (self, lang, value);

  return self;
}

UpstanderText *
upstander_text_copy (const UpstanderText *self)
{
  UpstanderText *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = upstander_text_new (upstander_text_get_original_language (self),
                             upstander_text_get_original (self));
  for (guint i = 1; i < self->variants->len; i++)
    {
      const Variant *variant = &g_array_index (self->variants, Variant, i);

      upstander_text_add_variant (copy, variant->lang, variant->value);
    }

  return copy;
}

void
upstander_text_free (UpstanderText *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->variants);
  g_free (self);
}

/* Returns FALSE when @lang already has a variant. */
gboolean
upstander_text_add_variant (UpstanderText *self,
                            const char    *lang,
                            const char    *value)
{
  Variant variant;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (lang != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (upstander_text_lookup (self, lang) != NULL)
    return FALSE;

  variant.lang = g_strdup (lang);
  variant.value = g_strdup (value);
  g_array_append_val (self->variants, variant);

  return TRUE;
}

const char *
upstander_text_get_original (const UpstanderText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_array_index (self->variants, Variant, 0).value;
}

const char *
upstander_text_get_original_language (const UpstanderText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_array_index (self->variants, Variant, 0).lang;
}

guint
upstander_text_get_n_variants (const UpstanderText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->variants->len;
}

const char *
upstander_text_get_variant (const UpstanderText  *self,
                            guint                 index,
                            const char          **lang)
{
  const Variant *variant;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->variants->len, NULL);

  variant = &g_array_index (self->variants, Variant, index);
  if (lang != NULL)
    *lang = variant->lang;

  return variant->value;
}

/* Exact lookup: "pt-BR" and "pt_br" are the same tag. */
const char *
upstander_text_lookup (const UpstanderText *self,
                       const char          *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  for (guint i = 0; i < self->variants->len; i++)
    {
      const Variant *variant = &g_array_index (self->variants, Variant, i);
      gsize len = strlen (variant->lang);

      if (strlen (lang) == len && upstander_language_matches (lang, variant->lang))
        return variant->value;
    }

  return NULL;
}

static gboolean
tag_char_equal (char a,
                char b)
{
  if (a == '_')
    a = '-';
  if (b == '_')
    b = '-';

  return g_ascii_tolower (a) == g_ascii_tolower (b);
}

/*
 * Whether @tag serves a reader who asks for @wanted, where @wanted is a POSIX
 * locale name as g_get_language_names() gives them ("fr_CA.UTF-8", "fr_CA",
 * "fr") or a BCP 47 tag. The codeset and modifier of @wanted are ignored, and
 * the two must agree on every subtag @tag has: "fr" serves "fr_CA", but
 * "zh-CN" does not serve "zh_TW".
 */
gboolean
upstander_language_matches (const char *wanted,
                            const char *tag)
{
  gsize wanted_len;
  gsize i;

  g_return_val_if_fail (wanted != NULL, FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  wanted_len = strcspn (wanted, ".@");
  if (wanted_len == 0 || *tag == '\0')
    return FALSE;

  for (i = 0; tag[i] != '\0'; i++)
    {
      if (i >= wanted_len || !tag_char_equal (wanted[i], tag[i]))
        return FALSE;
    }

  return i == wanted_len || wanted[i] == '_' || wanted[i] == '-';
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
      const Variant *best = NULL;

      if (g_str_equal (languages[l], "C") || g_str_equal (languages[l], "POSIX"))
        continue;

      for (guint i = 0; i < self->variants->len; i++)
        {
          const Variant *variant = &g_array_index (self->variants, Variant, i);

          if (upstander_language_matches (languages[l], variant->lang) &&
              (best == NULL || strlen (variant->lang) > strlen (best->lang)))
            best = variant;
        }

      if (best != NULL)
        return best->value;
    }

  return upstander_text_get_original (self);
}

/* A BCP 47-like tag: a 2–3 letter language, then subtags of 1–8 letters or digits. */
gboolean
upstander_language_tag_is_valid (const char *tag)
{
  gsize i = 0;
  gsize run = 0;

  if (tag == NULL)
    return FALSE;

  while (g_ascii_isalpha (tag[i]))
    i++;
  if (i < 2 || i > 3)
    return FALSE;
  if (tag[i] != '\0' && tag[i] != '-' && tag[i] != '_')
    return FALSE;

  for (; tag[i] != '\0'; i++)
    {
      if (tag[i] == '-' || tag[i] == '_')
        {
          if (tag[i - 1] == '-' || tag[i - 1] == '_')
            return FALSE;
          if (tag[i + 1] == '\0')
            return FALSE;
          run = 0;
          continue;
        }
      if (!g_ascii_isalnum (tag[i]) || ++run > 8)
        return FALSE;
    }

  return i <= 35;
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
