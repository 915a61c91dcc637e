/* test-class-voice.c: what the class says should change: plain lines per audience, within limits
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "upstander-class-voice.h"

static void
test_lines_per_audience (void)
{
  UpstanderClassVoice *voice = upstander_class_voice_new ();
  const char * const *lines;
  guint changes = 0;

  g_signal_connect_swapped (voice, "changed", G_CALLBACK (g_atomic_int_inc), &changes);

  g_assert_cmpuint (upstander_class_voice_get_n_lines (voice), ==, 0);
  g_assert_null (upstander_class_voice_get_lines (voice, UPSTANDER_AUDIENCE_SCHOOL)[0]);

  g_assert_true (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_PLATFORMS, "Make the report button easy to find."));
  g_assert_true (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_SCHOOL, "A box for notes to a teacher."));
  g_assert_true (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_PLATFORMS, "Answer every report."));
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpuint (upstander_class_voice_get_n_lines (voice), ==, 3);

  lines = upstander_class_voice_get_lines (voice, UPSTANDER_AUDIENCE_PLATFORMS);
  g_assert_cmpstr (lines[0], ==, "Make the report button easy to find.");
  g_assert_cmpstr (lines[1], ==, "Answer every report.");
  g_assert_null (lines[2]);

  g_assert_true (upstander_class_voice_remove_line (voice, UPSTANDER_AUDIENCE_PLATFORMS, 0));
  g_assert_false (upstander_class_voice_remove_line (voice, UPSTANDER_AUDIENCE_PLATFORMS, 1));
  g_assert_cmpuint (changes, ==, 4);
  lines = upstander_class_voice_get_lines (voice, UPSTANDER_AUDIENCE_PLATFORMS);
  g_assert_cmpstr (lines[0], ==, "Answer every report.");
  g_assert_null (lines[1]);

  g_assert_finalize_object (voice);
}

/* Typed text becomes one line of plain text; markup and formats stay literal. */
static void
test_lines_cleaned (void)
{
  UpstanderClassVoice *voice = upstander_class_voice_new ();
  const char * const *lines;

  g_assert_true (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_DECISION_MAKERS,
                                                 "  Listen\tto\n\nchildren \xE2\x80\xAE<b>%s</b>\x01 "));
  /* Nothing but space, or nothing at all, is not a line. */
  g_assert_false (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_DECISION_MAKERS, " \n\t "));
  g_assert_false (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_DECISION_MAKERS, "\xE2\x80\xAE"));
  /* Invalid UTF-8 is made valid, not refused. */
  g_assert_true (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_DECISION_MAKERS, "caf\xC3"));

  lines = upstander_class_voice_get_lines (voice, UPSTANDER_AUDIENCE_DECISION_MAKERS);
  g_assert_cmpstr (lines[0], ==, "Listen to children <b>%s</b>");
  g_assert_true (g_utf8_validate (lines[1], -1, NULL));
  g_assert_true (g_str_has_prefix (lines[1], "caf"));

  g_assert_finalize_object (voice);
}

static void
test_limits (void)
{
  UpstanderClassVoice *voice = upstander_class_voice_new ();
  g_autofree char *longest = g_strnfill (UPSTANDER_VOICE_MAX_CHARS, 'a');
  g_autofree char *too_long = g_strnfill (UPSTANDER_VOICE_MAX_CHARS + 1, 'a');
  g_autoptr(GString) long_in_letters = g_string_new (NULL);

  g_assert_false (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_SCHOOL, too_long));
  g_assert_true (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_SCHOOL, longest));
  /* Counted in characters, not bytes: 280 Arabic letters fit. */
  for (guint i = 0; i < UPSTANDER_VOICE_MAX_CHARS; i++)
    g_string_append (long_in_letters, "ع");
  g_assert_true (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_SCHOOL, long_in_letters->str));

  for (guint i = 2; i < UPSTANDER_VOICE_MAX_LINES; i++)
    g_assert_true (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_SCHOOL, "More."));
  g_assert_false (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_SCHOOL, "One too many."));
  g_assert_cmpuint (upstander_class_voice_get_n_lines (voice), ==, UPSTANDER_VOICE_MAX_LINES);
  /* Another audience has its own room. */
  g_assert_true (upstander_class_voice_add_line (voice, UPSTANDER_AUDIENCE_PLATFORMS, "Yes."));

  g_assert_finalize_object (voice);
}

/* What is typed but not added yet is kept per audience, as it is, and never counts as a line. */
static void
test_drafts (void)
{
  UpstanderClassVoice *voice = upstander_class_voice_new ();
  guint changes = 0;

  g_signal_connect_swapped (voice, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  g_assert_cmpstr (upstander_class_voice_get_draft (voice, UPSTANDER_AUDIENCE_SCHOOL), ==, "");

  upstander_class_voice_set_draft (voice, UPSTANDER_AUDIENCE_SCHOOL, "A box for  notes");
  upstander_class_voice_set_draft (voice, UPSTANDER_AUDIENCE_PLATFORMS, "caf\xC3");
  g_assert_cmpstr (upstander_class_voice_get_draft (voice, UPSTANDER_AUDIENCE_SCHOOL), ==, "A box for  notes");
  g_assert_true (g_utf8_validate (upstander_class_voice_get_draft (voice, UPSTANDER_AUDIENCE_PLATFORMS), -1, NULL));
  g_assert_cmpstr (upstander_class_voice_get_draft (voice, UPSTANDER_AUDIENCE_DECISION_MAKERS), ==, "");
  g_assert_cmpuint (upstander_class_voice_get_n_lines (voice), ==, 0);
  g_assert_cmpuint (changes, ==, 0);

  upstander_class_voice_set_draft (voice, UPSTANDER_AUDIENCE_SCHOOL, NULL);
  g_assert_cmpstr (upstander_class_voice_get_draft (voice, UPSTANDER_AUDIENCE_SCHOOL), ==, "");

  g_assert_finalize_object (voice);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/class-voice/lines-per-audience", test_lines_per_audience);
  g_test_add_func ("/upstander/class-voice/lines-cleaned", test_lines_cleaned);
  g_test_add_func ("/upstander/class-voice/limits", test_limits);
  g_test_add_func ("/upstander/class-voice/drafts", test_drafts);

  return g_test_run ();
}
