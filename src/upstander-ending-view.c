/* upstander-ending-view.c: how a story ended, and what to remember
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-ending-view.h"
#include "upstander-story-map-view.h"
#include "upstander-util.h"
#include "upstander-words.h"

/*
 * Bound to the session's ending item: the outcome and the title follow it
 * through the template's <lookup>s. The paragraphs and the takeaways are
 * lists of strings, which a 4.8 template cannot bind to a box of labels:
 * they are filled here, again each time the item notifies them (a change
 * of language), and the outcome's CSS class (its colour) too.
 *
 * Below them, the endings found and the story map follow the story map the
 * player gives, and the ways on are made once: "Try another choice" shows
 * only when there is a choice to take back.
 */

struct _UpstanderEndingView
{
  GtkWidget            parent_instance;

  UpstanderEndingItem *ending;
  UpstanderStoryMap   *story_map;
  const char          *outcome_class;  /* on the outcome line now */
  GtkWidget           *guide_button;
  GtkWidget           *rewind_button;
  GtkWidget           *catalogue_button;

  GtkWidget           *outcome;
  GtkWidget           *title;
  GtkWidget           *texts;
  GtkWidget           *takeaways;
  GtkWidget           *actions;
  GtkWidget           *buttons;
  GtkWidget           *story_map_view;
};

enum {
  PROP_0,
  PROP_ENDING,
  PROP_STORY_MAP,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderEndingView, upstander_ending_view, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static char *
outcome_icon_name (gpointer         unused,
                   UpstanderOutcome outcome)
{
  return g_strdup (upstander_outcome_icon (outcome));
}

static char *
outcome_word_text (gpointer         unused,
                   UpstanderOutcome outcome)
{
  return g_strdup (upstander_outcome_word (outcome));
}

/* Addresses and numbers stay whole inside Arabic. */
static char *
shown_text (gpointer    unused,
            const char *text)
{
  return upstander_text_isolate_ltr_runs (text != NULL ? text : "");
}

static char *
endings_found_text (gpointer           unused,
                    UpstanderStoryMap *map)
{
  guint n_endings;

  if (map == NULL)
    return g_strdup ("");

  n_endings = upstander_story_map_get_n_endings (map);
  /* Translators: on the ending page, e.g. "Endings found: 2 of 3" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Endings found: %u of %u",
                                       "Endings found: %u of %u",
                                       n_endings),
                          MIN (upstander_story_map_get_n_found (map), n_endings), n_endings);
}

/* A new box of paragraphs in place of the old one (upstander_box_swap_in() says why). */
static void
fill_texts (UpstanderEndingView *self)
{
  GtkWidget *texts = upstander_box_new_like (self->texts);
  g_auto(GStrv) strings = NULL;

  if (self->ending != NULL)
    strings = upstander_ending_item_dup_texts (self->ending);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    gtk_box_append (GTK_BOX (texts), upstander_text_label_new (strings[i], "ending-text"));
  upstander_box_swap_in (&self->texts, texts);
}

static void
fill_takeaways (UpstanderEndingView *self)
{
  GtkWidget *box = upstander_box_new_like (self->takeaways);
  g_auto(GStrv) takeaways = NULL;

  if (self->ending != NULL)
    takeaways = upstander_ending_item_dup_takeaways (self->ending);
  for (guint i = 0; takeaways != NULL && takeaways[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *bullet = gtk_image_new_from_icon_name ("object-select-symbolic");
      GtkWidget *label = upstander_text_label_new (takeaways[i], NULL);

      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (box), row);
    }
  upstander_box_swap_in (&self->takeaways, box);
}

static void
update_outcome_class (UpstanderEndingView *self)
{
  if (self->outcome_class != NULL)
    gtk_widget_remove_css_class (self->outcome, self->outcome_class);
  self->outcome_class = NULL;

  if (self->ending == NULL)
    return;

  self->outcome_class = upstander_outcome_to_string (upstander_ending_item_get_outcome (self->ending));
  gtk_widget_add_css_class (self->outcome, self->outcome_class);
}

static void
upstander_ending_view_dispose (GObject *object)
{
  UpstanderEndingView *self = (UpstanderEndingView *)object;
  GtkWidget *child;

  upstander_ending_view_set_ending (self, NULL);
  g_clear_object (&self->story_map);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_ENDING_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (upstander_ending_view_parent_class)->dispose (object);
}

static void
upstander_ending_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UpstanderEndingView *self = UPSTANDER_ENDING_VIEW (object);

  switch (prop_id)
    {
    case PROP_ENDING:
      g_value_set_object (value, self->ending);
      break;

    case PROP_STORY_MAP:
      g_value_set_object (value, self->story_map);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_ending_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UpstanderEndingView *self = UPSTANDER_ENDING_VIEW (object);

  switch (prop_id)
    {
    case PROP_ENDING:
      upstander_ending_view_set_ending (self, g_value_get_object (value));
      break;

    case PROP_STORY_MAP:
      upstander_ending_view_set_story_map (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_ending_view_class_init (UpstanderEndingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_ending_view_dispose;
  object_class->get_property = upstander_ending_view_get_property;
  object_class->set_property = upstander_ending_view_set_property;

  properties [PROP_ENDING] =
    g_param_spec_object ("ending", NULL, NULL,
                         UPSTANDER_TYPE_ENDING_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STORY_MAP] =
    g_param_spec_object ("story-map", NULL, NULL,
                         UPSTANDER_TYPE_STORY_MAP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* Read by what it holds, never by its type name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-ending-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderEndingView, outcome);
  gtk_widget_class_bind_template_child (widget_class, UpstanderEndingView, title);
  gtk_widget_class_bind_template_child (widget_class, UpstanderEndingView, texts);
  gtk_widget_class_bind_template_child (widget_class, UpstanderEndingView, takeaways);
  gtk_widget_class_bind_template_child (widget_class, UpstanderEndingView, actions);
  gtk_widget_class_bind_template_child (widget_class, UpstanderEndingView, buttons);
  gtk_widget_class_bind_template_child (widget_class, UpstanderEndingView, story_map_view);
  gtk_widget_class_bind_template_callback (widget_class, endings_found_text);
  gtk_widget_class_bind_template_callback (widget_class, outcome_icon_name);
  gtk_widget_class_bind_template_callback (widget_class, outcome_word_text);
  gtk_widget_class_bind_template_callback (widget_class, shown_text);
}

static void
upstander_ending_view_init (UpstanderEndingView *self)
{
  g_type_ensure (UPSTANDER_TYPE_STORY_MAP_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rewind_button = upstander_text_button_new (_("Try another choice"), "player.rewind", NULL);
  gtk_widget_add_css_class (self->rewind_button, "suggested-action");
  gtk_widget_add_css_class (self->rewind_button, "pill");
  gtk_box_append (GTK_BOX (self->buttons), self->rewind_button);

  self->catalogue_button = upstander_text_button_new (_("Choose another story"), "win.show-catalogue", NULL);
  gtk_widget_add_css_class (self->catalogue_button, "pill");
  gtk_box_append (GTK_BOX (self->buttons), self->catalogue_button);

  {
    GtkWidget *help = upstander_text_button_new (_("Get help"), "win.show-help", NULL);

    gtk_widget_add_css_class (help, "pill");
    gtk_box_append (GTK_BOX (self->buttons), help);
  }
}

GtkWidget *
upstander_ending_view_new (UpstanderEndingItem *ending)
{
  return g_object_new (UPSTANDER_TYPE_ENDING_VIEW, "ending", ending, NULL);
}

UpstanderEndingItem *
upstander_ending_view_get_ending (UpstanderEndingView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_ENDING_VIEW (self), NULL);

  return self->ending;
}

void
upstander_ending_view_set_ending (UpstanderEndingView *self,
                                  UpstanderEndingItem *ending)
{
  g_return_if_fail (UPSTANDER_IS_ENDING_VIEW (self));
  g_return_if_fail (ending == NULL || UPSTANDER_IS_ENDING_ITEM (ending));

  if (self->ending == ending)
    return;

  if (self->ending != NULL)
    g_signal_handlers_disconnect_by_data (self->ending, self);
  g_set_object (&self->ending, ending);
  if (ending != NULL)
    {
      g_signal_connect_object (ending, "notify::texts", G_CALLBACK (fill_texts), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ending, "notify::takeaways", G_CALLBACK (fill_takeaways), self, G_CONNECT_SWAPPED);
    }

  update_outcome_class (self);
  fill_texts (self);
  fill_takeaways (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENDING]);
}

/* The ending's title: what read aloud outlines. */
GtkWidget *
upstander_ending_view_get_title (UpstanderEndingView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_ENDING_VIEW (self), NULL);

  return self->title;
}

UpstanderStoryMap *
upstander_ending_view_get_story_map (UpstanderEndingView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_ENDING_VIEW (self), NULL);

  return self->story_map;
}

/* The story's endings, found or hidden, and the way taken to this one. */
void
upstander_ending_view_set_story_map (UpstanderEndingView *self,
                                     UpstanderStoryMap   *story_map)
{
  g_return_if_fail (UPSTANDER_IS_ENDING_VIEW (self));
  g_return_if_fail (story_map == NULL || UPSTANDER_IS_STORY_MAP (story_map));

  if (g_set_object (&self->story_map, story_map))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORY_MAP]);
}

/* Shows "Try another choice" only when a choice can be taken back. */
void
upstander_ending_view_set_can_rewind (UpstanderEndingView *self,
                                      gboolean             can_rewind)
{
  g_return_if_fail (UPSTANDER_IS_ENDING_VIEW (self));

  gtk_widget_set_visible (self->rewind_button, can_rewind);
}

/* Shows @guide_button (a link to the ending's guide) above the ways on, or none. */
void
upstander_ending_view_set_guide (UpstanderEndingView *self,
                                 GtkWidget           *guide_button)
{
  g_return_if_fail (UPSTANDER_IS_ENDING_VIEW (self));
  g_return_if_fail (guide_button == NULL || GTK_IS_WIDGET (guide_button));

  upstander_box_replace_first (self->actions, &self->guide_button, guide_button);
}

/* The first way on: where the keyboard belongs. */
GtkWidget *
upstander_ending_view_get_way_on (UpstanderEndingView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_ENDING_VIEW (self), NULL);

  return gtk_widget_get_visible (self->rewind_button) ? self->rewind_button : self->catalogue_button;
}
