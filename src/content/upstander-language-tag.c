/* upstander-language-tag.c: the one check and spelling of a language tag
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-language-tag.h"

#include <string.h>

/*
 * A language reaches Upstander spelled two ways: as BCP 47 in a bundle's
 * xml:lang ("pt-BR") and as a POSIX locale name in LANGUAGE, po/LINGUAS, the
 * settings and --language ("pt_BR", "sr@latin"). Both are read by one
 * grammar here, and written back in the one spelling their destination
 * wants, so the loader, the settings, the command line and the switch of
 * language all agree on what a language tag is:
 *
 *   tag      = language *( ("-" / "_") subtag ) [ "@" modifier ]
 *   language = 2*3ALPHA
 *   subtag   = 1*8ALNUM
 *   modifier = 1*16ALNUM        (a locale name only: xml:lang has none)
 *
 * at most UPSTANDER_LANGUAGE_TAG_MAX_LENGTH characters before the modifier.
 * A codeset ("fr_FR.UTF-8") is refused: it names an encoding, not a language.
 */

#define MAX_SUBTAG_LENGTH   8
#define MAX_MODIFIER_LENGTH 16

/* Case as BCP 47 writes it: "Latn" for a script, "BR" for a region, else lower case. */
static void
append_subtag (GString    *out,
               const char *subtag,
               gsize       length,
               gboolean    after_singleton)
{
  gboolean letters = TRUE;

  for (gsize i = 0; i < length; i++)
    letters &= g_ascii_isalpha (subtag[i]);

  for (gsize i = 0; i < length; i++)
    {
      char c = g_ascii_tolower (subtag[i]);

      if (!after_singleton && letters && (length == 2 || (length == 4 && i == 0)))
        c = g_ascii_toupper (c);
      g_string_append_c (out, c);
    }
}

/**
 * upstander_language_tag_normalize:
 * @tag: (nullable): a language tag as someone wrote it: "fr", "zh-CN",
 *   "zh_cn", "sr@latin"
 * @style: the spelling to return it in
 *
 * Checks @tag against the one grammar above, whichever separator it uses,
 * and spells it the way @style wants: "pt_br" becomes "pt-BR" for a bundle
 * and "pt_BR" for LANGUAGE. A modifier ("@latin") has no BCP 47 spelling,
 * so a tag with one is refused for %UPSTANDER_LANGUAGE_TAG_BCP47.
 *
 * Returns: (transfer full) (nullable): the tag in @style's spelling, or
 *   %NULL when @tag is not a language tag
 */
char *
upstander_language_tag_normalize (const char                *tag,
                                  UpstanderLanguageTagStyle  style)
{
  g_autoptr(GString) out = NULL;
  char separator = style == UPSTANDER_LANGUAGE_TAG_LOCALE ? '_' : '-';
  const char *modifier;
  gsize tag_length;
  gsize i = 0;
  gboolean after_singleton = FALSE;

  g_return_val_if_fail (style == UPSTANDER_LANGUAGE_TAG_BCP47 ||
                        style == UPSTANDER_LANGUAGE_TAG_LOCALE, NULL);

  if (tag == NULL)
    return NULL;

  /* Bounded: a hostile tag of a million characters costs no more than a long one. */
  tag_length = strnlen (tag, UPSTANDER_LANGUAGE_TAG_MAX_LENGTH + 1 + MAX_MODIFIER_LENGTH + 1);
  modifier = memchr (tag, '@', tag_length);
  if (modifier != NULL)
    tag_length = modifier - tag;
  if (tag_length > UPSTANDER_LANGUAGE_TAG_MAX_LENGTH)
    return NULL;

  while (i < tag_length && g_ascii_isalpha (tag[i]))
    i++;
  if (i < 2 || i > 3)
    return NULL;

  out = g_string_sized_new (tag_length + 1);
  for (gsize l = 0; l < i; l++)
    g_string_append_c (out, g_ascii_tolower (tag[l]));

  while (i < tag_length)
    {
      gsize start;

      if (tag[i] != '-' && tag[i] != '_')
        return NULL;

      start = ++i;
      while (i < tag_length && g_ascii_isalnum (tag[i]))
        i++;
      if (i == start || i - start > MAX_SUBTAG_LENGTH)
        return NULL;

      g_string_append_c (out, separator);
      append_subtag (out, tag + start, i - start, after_singleton);
      /* After "x-" or another singleton, subtags are private and keep lower case. */
      after_singleton |= i - start == 1;
    }

  if (modifier != NULL)
    {
      gsize length = 0;

      if (style != UPSTANDER_LANGUAGE_TAG_LOCALE)
        return NULL;

      g_string_append_c (out, '@');
      for (const char *m = modifier + 1; *m != '\0'; m++, length++)
        {
          if (!g_ascii_isalnum (*m) || length == MAX_MODIFIER_LENGTH)
            return NULL;
          g_string_append_c (out, g_ascii_tolower (*m));
        }
      if (length == 0)
        return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether @tag is a language tag a bundle may carry in xml:lang, in either spelling. */
gboolean
upstander_language_tag_is_valid (const char *tag)
{
  g_autofree char *normal = upstander_language_tag_normalize (tag, UPSTANDER_LANGUAGE_TAG_BCP47);

  return normal != NULL;
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
