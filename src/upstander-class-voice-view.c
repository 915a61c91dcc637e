/* upstander-class-voice-view.c: "Our class says": the teacher types what the class wants changed, and saves the poster
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-class-voice-view.h"
#include "upstander-lesson-kit.h"
#include "upstander-util.h"

/*
 * A view of an UpstanderClassVoice and of the run it speaks about. The
 * lines, and what is typed but not added yet, live in the model; this view
 * only lists them under each audience, above the entry where the teacher
 * types the next one. Nothing is written
 * anywhere but the poster the teacher saves.
 */

struct _UpstanderClassVoiceView
{
  AdwBin               parent_instance;

  UpstanderClassVoice *voice;
  UpstanderClassRun   *run;

  GtkListBox          *lines[UPSTANDER_N_AUDIENCES];
  AdwEntryRow         *entries[UPSTANDER_N_AUDIENCES];
};

G_DEFINE_FINAL_TYPE (UpstanderClassVoiceView, upstander_class_voice_view, ADW_TYPE_BIN)

static GtkWidget *
line_row (const char        *text,
          UpstanderAudience  audience,
          guint              index)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = upstander_text_label_new (text, NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  /* Translators: the accessible name of the button that deletes a line the class wrote; %s is the line */
  g_autofree char *name = g_strdup_printf (_("Delete “%s”"), text);

  gtk_widget_set_margin_top (row, 10);
  gtk_widget_set_margin_bottom (row, 10);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "voice.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(uu)", (guint) audience, index);
  gtk_widget_set_tooltip_text (remove, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), remove);

  return row;
}

/* Every list again: a line removed renumbers the ones after it. */
static void
update (UpstanderClassVoiceView *self)
{
  for (UpstanderAudience audience = 0; audience < UPSTANDER_N_AUDIENCES; audience++)
    {
      GtkListBox *list = self->lines[audience];
      GtkWidget *entry = GTK_WIDGET (self->entries[audience]);
      const char * const *texts;
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL && child != entry)
        gtk_list_box_remove (list, child);

      if (self->voice == NULL)
        continue;

      texts = upstander_class_voice_get_lines (self->voice, audience);
      for (guint i = 0; texts[i] != NULL; i++)
        gtk_list_box_insert (list, line_row (texts[i], audience, i), i);
      gtk_widget_set_sensitive (entry, g_strv_length ((char **) texts) < UPSTANDER_VOICE_MAX_LINES);
    }
}

static void
entry_apply_cb (UpstanderClassVoiceView *self,
                AdwEntryRow             *entry)
{
  for (UpstanderAudience audience = 0; audience < UPSTANDER_N_AUDIENCES; audience++)
    {
      if (self->entries[audience] != entry || self->voice == NULL)
        continue;

      /* A line that is too long stays in the entry, marked, to be shortened. */
      if (upstander_class_voice_add_line (self->voice, audience, gtk_editable_get_text (GTK_EDITABLE (entry))))
        {
          gtk_editable_set_text (GTK_EDITABLE (entry), "");
          gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
        }
      else
        {
          gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
        }
    }
}

/* What is typed lives in the model too: a view rebuilt for a new language shows it again. */
static void
entry_changed_cb (UpstanderClassVoiceView *self,
                  GtkEditable             *entry)
{
  for (UpstanderAudience audience = 0; audience < UPSTANDER_N_AUDIENCES; audience++)
    if (GTK_EDITABLE (self->entries[audience]) == entry && self->voice != NULL)
      upstander_class_voice_set_draft (self->voice, audience, gtk_editable_get_text (entry));
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpstanderClassVoiceView *self = UPSTANDER_CLASS_VOICE_VIEW (widget);
  guint audience, index;

  g_variant_get (parameter, "(uu)", &audience, &index);
  if (self->voice != NULL && audience < UPSTANDER_N_AUDIENCES)
    upstander_class_voice_remove_line (self->voice, audience, index);
}

/**
 * upstander_class_voice_view_save_poster:
 * @file: a local file
 *
 * Writes the "Our class says" poster, in the interface language, atomically.
 *
 * Returns: whether the poster was written
 */
gboolean
upstander_class_voice_view_save_poster (UpstanderClassVoiceView  *self,
                                        GFile                    *file,
                                        GError                  **error)
{
  g_autoptr(UpstanderDocument) doc = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_VOICE_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->voice != NULL && self->run != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a folder on this computer"));
      return FALSE;
    }

  doc = upstander_class_voice_poster_new (self->voice, self->run);

  return upstander_document_write_pdf (doc, path, error);
}

static void
save_poster_cb (GtkWidget *widget,
                GFile     *file)
{
  g_autoptr(GError) error = NULL;

  if (!upstander_class_voice_view_save_poster (UPSTANDER_CLASS_VOICE_VIEW (widget), file, &error))
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                 _("The Poster Was Not Saved"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      upstander_name_mnemonic_buttons (alert);
      gtk_window_present (GTK_WINDOW (alert));
    }
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UpstanderClassVoiceView *self = UPSTANDER_CLASS_VOICE_VIEW (widget);
  g_autofree char *name = NULL;

  if (self->voice == NULL || self->run == NULL)
    return;

  name = g_strdup_printf ("%s-our-class-says.pdf", upstander_scenario_get_id (upstander_class_run_get_scenario (self->run)));
  upstander_ask_where_to_save (widget, _("Save Poster"), name, save_poster_cb);
}

static void
upstander_class_voice_view_dispose (GObject *object)
{
  UpstanderClassVoiceView *self = (UpstanderClassVoiceView *)object;

  if (self->voice != NULL)
    g_signal_handlers_disconnect_by_data (self->voice, self);
  g_clear_object (&self->voice);
  g_clear_object (&self->run);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_CLASS_VOICE_VIEW);

  G_OBJECT_CLASS (upstander_class_voice_view_parent_class)->dispose (object);
}

static void
upstander_class_voice_view_class_init (UpstanderClassVoiceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_class_voice_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-class-voice-view.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "platforms_lines", FALSE,
                                             G_STRUCT_OFFSET (UpstanderClassVoiceView, lines[UPSTANDER_AUDIENCE_PLATFORMS]));
  gtk_widget_class_bind_template_child_full (widget_class, "school_lines", FALSE,
                                             G_STRUCT_OFFSET (UpstanderClassVoiceView, lines[UPSTANDER_AUDIENCE_SCHOOL]));
  gtk_widget_class_bind_template_child_full (widget_class, "leaders_lines", FALSE,
                                             G_STRUCT_OFFSET (UpstanderClassVoiceView, lines[UPSTANDER_AUDIENCE_DECISION_MAKERS]));
  gtk_widget_class_bind_template_child_full (widget_class, "platforms_entry", FALSE,
                                             G_STRUCT_OFFSET (UpstanderClassVoiceView, entries[UPSTANDER_AUDIENCE_PLATFORMS]));
  gtk_widget_class_bind_template_child_full (widget_class, "school_entry", FALSE,
                                             G_STRUCT_OFFSET (UpstanderClassVoiceView, entries[UPSTANDER_AUDIENCE_SCHOOL]));
  gtk_widget_class_bind_template_child_full (widget_class, "leaders_entry", FALSE,
                                             G_STRUCT_OFFSET (UpstanderClassVoiceView, entries[UPSTANDER_AUDIENCE_DECISION_MAKERS]));
  gtk_widget_class_bind_template_callback (widget_class, entry_apply_cb);

  gtk_widget_class_install_action (widget_class, "voice.remove", "(uu)", remove_activated);
  gtk_widget_class_install_action (widget_class, "voice.save", NULL, save_activated);
}

static void
upstander_class_voice_view_init (UpstanderClassVoiceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * upstander_class_voice_view_new:
 * @voice: what the class says, kept by the caller as long as the run
 * @run: the run the poster reports on
 *
 * Returns: (transfer floating): the "Our class says" screen
 */
GtkWidget *
upstander_class_voice_view_new (UpstanderClassVoice *voice,
                                UpstanderClassRun   *run)
{
  UpstanderClassVoiceView *self;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_VOICE (voice), NULL);
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (run), NULL);

  self = g_object_new (UPSTANDER_TYPE_CLASS_VOICE_VIEW, NULL);
  self->voice = g_object_ref (voice);
  self->run = g_object_ref (run);
  g_signal_connect_swapped (voice, "changed", G_CALLBACK (update), self);
  update (self);
  for (UpstanderAudience audience = 0; audience < UPSTANDER_N_AUDIENCES; audience++)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entries[audience]), upstander_class_voice_get_draft (voice, audience));
      g_signal_connect_swapped (self->entries[audience], "changed", G_CALLBACK (entry_changed_cb), self);
    }

  return GTK_WIDGET (self);
}
