/* upstander-class-voice.c: what a class says should change, for platforms, the school and decision-makers
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-class-voice"

#include "config.h"

#include "upstander-class-voice.h"
#include "upstander-text.h"

/*
 * The teacher types the class's points in; the app keeps them in memory
 * only, for the poster, and writes them nowhere else: a file exists only
 * where the teacher saves the poster. The points are the class's, not any
 * pupil's: no names are asked for. Text is kept as plain text, cleaned of
 * what could corrupt a page or disguise itself (controls, bidi overrides),
 * with its whitespace collapsed.
 */

struct _UpstanderClassVoice
{
  GObject    parent_instance;

  GPtrArray *lines[UPSTANDER_N_AUDIENCES];  /* char*, NULL-terminated for get_lines */
  char      *drafts[UPSTANDER_N_AUDIENCES]; /* typed, not added yet: a rebuilt view shows it again */
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (UpstanderClassVoice, upstander_class_voice, G_TYPE_OBJECT)

static guint signals [N_SIGNALS];

static void
upstander_class_voice_finalize (GObject *object)
{
  UpstanderClassVoice *self = (UpstanderClassVoice *)object;

  for (guint a = 0; a < UPSTANDER_N_AUDIENCES; a++)
    {
      g_clear_pointer (&self->lines[a], g_ptr_array_unref);
      g_clear_pointer (&self->drafts[a], g_free);
    }

  G_OBJECT_CLASS (upstander_class_voice_parent_class)->finalize (object);
}

static void
upstander_class_voice_class_init (UpstanderClassVoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upstander_class_voice_finalize;

  /**
   * UpstanderClassVoice::changed:
   *
   * Emitted after a line is added or removed.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
upstander_class_voice_init (UpstanderClassVoice *self)
{
  for (guint a = 0; a < UPSTANDER_N_AUDIENCES; a++)
    {
      self->lines[a] = g_ptr_array_new_null_terminated (UPSTANDER_VOICE_MAX_LINES, g_free, TRUE);
    }
}

UpstanderClassVoice *
upstander_class_voice_new (void)
{
  return g_object_new (UPSTANDER_TYPE_CLASS_VOICE, NULL);
}

/* @text as one line of plain text: valid UTF-8, controls and bidi overrides
 * dropped, runs of whitespace made one space, no space at either end. */
static char *
clean_line (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (upstander_text_is_forbidden_char (c))
        continue;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * upstander_class_voice_add_line:
 * @text: what the class says, as typed
 *
 * Returns: whether the line was added: FALSE when it is blank, longer than
 *   %UPSTANDER_VOICE_MAX_CHARS characters, or the audience already has
 *   %UPSTANDER_VOICE_MAX_LINES lines
 */
gboolean
upstander_class_voice_add_line (UpstanderClassVoice *self,
                                UpstanderAudience    audience,
                                const char          *text)
{
  g_autofree char *line = NULL;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_VOICE (self), FALSE);
  g_return_val_if_fail (audience < UPSTANDER_N_AUDIENCES, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  line = clean_line (text);
  if (line[0] == '\0' || g_utf8_strlen (line, -1) > UPSTANDER_VOICE_MAX_CHARS ||
      self->lines[audience]->len >= UPSTANDER_VOICE_MAX_LINES)
    return FALSE;

  g_ptr_array_add (self->lines[audience], g_steal_pointer (&line));
  g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

gboolean
upstander_class_voice_remove_line (UpstanderClassVoice *self,
                                   UpstanderAudience    audience,
                                   guint                index)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_VOICE (self), FALSE);
  g_return_val_if_fail (audience < UPSTANDER_N_AUDIENCES, FALSE);

  if (index >= self->lines[audience]->len)
    return FALSE;

  g_ptr_array_remove_index (self->lines[audience], index);
  g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

/**
 * upstander_class_voice_get_lines:
 *
 * Returns: (transfer none) (array zero-terminated=1): the lines for
 *   @audience, in the order they were added
 */
const char * const *
upstander_class_voice_get_lines (UpstanderClassVoice *self,
                                 UpstanderAudience    audience)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (UPSTANDER_IS_CLASS_VOICE (self), NULL);
  g_return_val_if_fail (audience < UPSTANDER_N_AUDIENCES, NULL);

  if (self->lines[audience]->pdata == NULL)
    return none;

  return (const char * const *) self->lines[audience]->pdata;
}

/* Every line, for every audience: zero when the class has said nothing yet. */
guint
upstander_class_voice_get_n_lines (UpstanderClassVoice *self)
{
  guint n = 0;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_VOICE (self), 0);

  for (guint a = 0; a < UPSTANDER_N_AUDIENCES; a++)
    n += self->lines[a]->len;

  return n;
}

/* What the teacher is typing for @audience and has not added yet; never NULL. */
const char *
upstander_class_voice_get_draft (UpstanderClassVoice *self,
                                 UpstanderAudience    audience)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_VOICE (self), NULL);
  g_return_val_if_fail (audience < UPSTANDER_N_AUDIENCES, NULL);

  return self->drafts[audience] != NULL ? self->drafts[audience] : "";
}

/*
 * Keeps the text being typed for @audience, as it is (it is cleaned when it
 * is added), so that a window rebuilt for a new language loses no keystroke.
 */
void
upstander_class_voice_set_draft (UpstanderClassVoice *self,
                                 UpstanderAudience    audience,
                                 const char          *text)
{
  g_return_if_fail (UPSTANDER_IS_CLASS_VOICE (self));
  g_return_if_fail (audience < UPSTANDER_N_AUDIENCES);

  g_free (self->drafts[audience]);
  self->drafts[audience] = text != NULL && text[0] != '\0' ? g_utf8_make_valid (text, -1) : NULL;
}
