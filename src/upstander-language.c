/* upstander-language.c: the languages Upstander offers, and switching between them
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-language.h"
#include "upstander-languages.h"

/*
 * The chosen language reaches gettext (interface, GTK's own strings) and
 * g_get_language_names() (story text) through one environment variable,
 * LANGUAGE: glibc reads it again on every lookup, so a switch takes effect
 * on the next string once its cache is dropped. The environment's own
 * value is kept so "System language" can put it back.
 */

/* Each by its own name, so a reader finds theirs whatever is shown now. */
static const UpstanderLanguage languages[] = {
  UPSTANDER_LANGUAGE_TABLE
};

/*
 * Never looked up here: build-aux/language-names.py reads it from each po
 * file into the table above.
 */
G_GNUC_UNUSED static const char *language_name =
  /* Translators: the name of the language you translate into, in that
   * language ("Français", "Español", "العربية"); the list of languages in
   * Preferences shows it */
  NC_("language name", "English");

static gboolean saved;
static char *system_language;  /* LANGUAGE as the environment set it; NULL: unset */

/**
 * upstander_language_bind_textdomain:
 *
 * Points gettext at the interface translations: the installed ones, or
 * those of the build tree when UPSTANDER_LOCALEDIR says where they are
 * (`meson devenv` and the tests set it). Call setlocale() first.
 */
void
upstander_language_bind_textdomain (void)
{
  const char *localedir = g_getenv ("UPSTANDER_LOCALEDIR");

  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  /*
   * GLib decides once, on the first g_dgettext(), whether to translate at
   * all: not when the app has no translation for the language of that
   * moment and textdomain() was called (so a German desktop does not get a
   * half-German app). Upstander changes language while it runs, so that
   * first call happens here, before textdomain(), where the rule does not
   * apply; otherwise a later switch to French would show English.
   */
  (void) g_dgettext (GETTEXT_PACKAGE, "");

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* The languages with a translation, in the order Preferences lists them. */
const UpstanderLanguage *
upstander_language_get_all (guint *n_languages)
{
  if (n_languages != NULL)
    *n_languages = G_N_ELEMENTS (languages);

  return languages;
}

/**
 * upstander_language_apply:
 * @code: (nullable): a language code such as "fr", or "" or %NULL for the
 *   system language
 *
 * Makes @code the language of every string looked up from now on. Call it
 * on the main thread while no other thread runs (setenv() is not
 * thread-safe), then rebuild what shows text.
 */
void
upstander_language_apply (const char *code)
{
  g_autofree char *normal = upstander_language_tag_normalize (code, UPSTANDER_LANGUAGE_TAG_LOCALE);

  if (!saved)
    {
      system_language = g_strdup (g_getenv ("LANGUAGE"));
      saved = TRUE;
    }

  /* Anything but a language tag means the system's language. */
  if (normal == NULL && code != NULL && code[0] != '\0')
    g_debug ("Ignoring the language “%s”: not a language code", code);

  if (normal != NULL)
    g_setenv ("LANGUAGE", normal, TRUE);
  else if (system_language != NULL)
    g_setenv ("LANGUAGE", system_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  /*
   * glibc caches translations it found by message and locale, not by
   * LANGUAGE: without this, a string translated in the previous language
   * keeps that translation. Setting the domain again tells gettext that
   * the environment changed (the way intl/textdomain.c documents).
   */
  textdomain (textdomain (NULL));
}

/**
 * upstander_language_isolate:
 * @text: (nullable): a value to put into a sentence, such as a name
 *
 * Wraps @text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so a
 * Latin name keeps its order inside an Arabic sentence and the other way
 * round.
 *
 * Returns: (transfer full): the isolated text
 */
char *
upstander_language_isolate (const char *text)
{
  return g_strconcat ("\u2068", text != NULL ? text : "", "\u2069", NULL);
}
