/* upstander-note-view.c: the content note shown before a story starts
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-note-view.h"
#include "upstander-util.h"

/*
 * The card and its words are in the template. The notes are a list of
 * texts, which a 4.8 template cannot bind to a box of labels: they are
 * filled here, again when the scenario's languages change (it notifies its
 * title then). The buttons are made as every text button is, with one
 * accessible name.
 */

struct _UpstanderNoteView
{
  GtkWidget          parent_instance;

  UpstanderScenario *scenario;

  GtkWidget         *card;
  GtkWidget         *notes;
  GtkWidget         *actions;
  GtkWidget         *start;
};

enum {
  PROP_0,
  PROP_SCENARIO,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderNoteView, upstander_note_view, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

/* A new box of notes in place of the old one (upstander_box_swap_in() says why). */
static void
fill_notes (UpstanderNoteView *self)
{
  GtkWidget *box = upstander_box_new_like (self->notes);
  GPtrArray *notes = self->scenario != NULL ? upstander_scenario_get_content_notes (self->scenario) : NULL;

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    gtk_box_append (GTK_BOX (box),
                    upstander_text_label_new (upstander_scenario_translate (self->scenario, g_ptr_array_index (notes, i)), NULL));
  upstander_box_swap_in (&self->notes, box);
}

static void
upstander_note_view_dispose (GObject *object)
{
  UpstanderNoteView *self = (UpstanderNoteView *)object;
  GtkWidget *child;

  upstander_note_view_set_scenario (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_NOTE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (upstander_note_view_parent_class)->dispose (object);
}

static void
upstander_note_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UpstanderNoteView *self = UPSTANDER_NOTE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_note_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UpstanderNoteView *self = UPSTANDER_NOTE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      upstander_note_view_set_scenario (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_note_view_class_init (UpstanderNoteViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_note_view_dispose;
  object_class->get_property = upstander_note_view_get_property;
  object_class->set_property = upstander_note_view_set_property;

  properties [PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL,
                         UPSTANDER_TYPE_SCENARIO,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* Read by what it holds, never by its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-note-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderNoteView, card);
  gtk_widget_class_bind_template_child (widget_class, UpstanderNoteView, notes);
  gtk_widget_class_bind_template_child (widget_class, UpstanderNoteView, actions);
}

static void
upstander_note_view_init (UpstanderNoteView *self)
{
  GtkWidget *other;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->start = upstander_text_button_new (_("Start the story"), "player.start", NULL);
  gtk_widget_add_css_class (self->start, "suggested-action");
  gtk_widget_add_css_class (self->start, "pill");
  gtk_box_append (GTK_BOX (self->actions), self->start);

  other = upstander_text_button_new (_("Choose another story"), "win.show-catalogue", NULL);
  gtk_widget_add_css_class (other, "pill");
  gtk_box_append (GTK_BOX (self->actions), other);
}

GtkWidget *
upstander_note_view_new (UpstanderScenario *scenario)
{
  return g_object_new (UPSTANDER_TYPE_NOTE_VIEW, "scenario", scenario, NULL);
}

UpstanderScenario *
upstander_note_view_get_scenario (UpstanderNoteView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_NOTE_VIEW (self), NULL);

  return self->scenario;
}

void
upstander_note_view_set_scenario (UpstanderNoteView *self,
                                  UpstanderScenario *scenario)
{
  g_return_if_fail (UPSTANDER_IS_NOTE_VIEW (self));
  g_return_if_fail (scenario == NULL || UPSTANDER_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_func (self->scenario, fill_notes, self);
  g_set_object (&self->scenario, scenario);
  /* The scenario notifies its title when the reader's languages change. */
  if (scenario != NULL)
    g_signal_connect_object (scenario, "notify::title", G_CALLBACK (fill_notes), self, G_CONNECT_SWAPPED);

  fill_notes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCENARIO]);
}

/* The card with the notes: what read aloud reads. */
GtkWidget *
upstander_note_view_get_card (UpstanderNoteView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_NOTE_VIEW (self), NULL);

  return self->card;
}

/* Start the story: where the keyboard belongs. */
GtkWidget *
upstander_note_view_get_start (UpstanderNoteView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_NOTE_VIEW (self), NULL);

  return self->start;
}
