/* upstander-story-map-view.c: after an ending, the story's endings, found or hidden, and the ways to them
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-story-map-view.h"
#include "upstander-words.h"
#include "upstander-util.h"

/*
 * A list rather than a drawn graph: it reads in order with a screen reader,
 * wraps at any text size and in any direction. Each ending is a star (filled
 * when found), its title — or "A hidden ending" until found, so nothing is
 * spoiled — and the decisions that lead there as numbered steps; a step the
 * reader took this time carries a check mark and says so in words.
 */

struct _UpstanderStoryMapView
{
  GtkWidget          parent_instance;

  UpstanderStoryMap *map;

  GtkWidget         *box;
  GtkWidget         *endings_box;
};

enum {
  PROP_0,
  PROP_MAP,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderStoryMapView, upstander_story_map_view, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static GtkWidget *
step_new (UpstanderScenario      *scenario,
          guint                   number,
          const UpstanderMapStep *step)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  GtkWidget *number_label = gtk_label_new (number_text);
  GtkWidget *label, *text_box;

  gtk_widget_set_valign (number_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (number_label, "step-number");
  gtk_box_append (GTK_BOX (row), number_label);

  /* Bundle text is plain text: set_text only. The mark goes under the
   * choice, so a narrow window keeps the words whole. */
  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);
  label = upstander_text_label_new (upstander_scenario_translate (scenario, step->choice->label), NULL);
  gtk_box_append (GTK_BOX (text_box), label);
  gtk_box_append (GTK_BOX (row), text_box);

  if (step->taken)
    {
      GtkWidget *taken = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");
      GtkWidget *words = upstander_text_label_new (_("your choice"), "caption-heading");

      /* Two words on a line of their own: wrapping them only upsets GTK 4.8's
       * height-for-width next to an icon. */
      gtk_label_set_wrap (GTK_LABEL (words), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_box_append (GTK_BOX (taken), mark);
      gtk_box_append (GTK_BOX (taken), words);
      gtk_widget_add_css_class (taken, "taken-mark");
      gtk_box_append (GTK_BOX (text_box), taken);
      gtk_widget_add_css_class (row, "taken");
    }
  gtk_widget_add_css_class (row, "map-step");

  return row;
}

static GtkWidget *
ending_new (UpstanderStoryMapView *self,
            guint                  index)
{
  UpstanderScenario *scenario = upstander_story_map_get_scenario (self->map);
  const UpstanderEnding *ending = upstander_story_map_get_ending (self->map, index);
  gboolean found = upstander_story_map_get_found (self->map, index);
  gboolean reached = upstander_story_map_get_reached (self->map, index);
  GPtrArray *path = upstander_story_map_get_path (self->map, index);
  GtkWidget *box, *header, *star, *title, *steps;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "map-ending");
  gtk_widget_add_css_class (box, found ? "found" : "hidden");
  if (reached)
    gtk_widget_add_css_class (box, "reached");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  {
    g_autoptr(GdkPaintable) picture = upstander_ending_star_lookup (GTK_WIDGET (self), found);

    star = upstander_ending_star_new (picture, found);
  }
  gtk_widget_set_valign (star, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (header), star);
  /* A hidden ending keeps its title until it is found. */
  title = upstander_text_label_new (found ? upstander_scenario_translate (scenario, ending->title)
                                          : _("A hidden ending"),
                                    "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (box), header);

  if (found)
    gtk_box_append (GTK_BOX (box), upstander_text_label_new (upstander_outcome_word (ending->outcome), "caption"));

  if (path != NULL && path->len > 0)
    {
      gtk_box_append (GTK_BOX (box),
                      upstander_text_label_new (reached ? _("The way you took:") : _("A way there:"),
                                                "dim-label"));
      steps = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_widget_add_css_class (steps, "map-steps");
      for (guint i = 0; i < path->len; i++)
        gtk_box_append (GTK_BOX (steps), step_new (scenario, i + 1, g_ptr_array_index (path, i)));
      gtk_box_append (GTK_BOX (box), steps);
    }

  return box;
}

static void
rebuild (UpstanderStoryMapView *self)
{
  GtkWidget *endings_box = upstander_box_new_like (self->endings_box);

  /* A new box in place of the old one: upstander_box_swap_in() says why. */
  for (guint i = 0; self->map != NULL && i < upstander_story_map_get_n_endings (self->map); i++)
    gtk_box_append (GTK_BOX (endings_box), ending_new (self, i));
  upstander_box_swap_in (&self->endings_box, endings_box);
  gtk_widget_set_visible (self->box, self->map != NULL);
}

static void
upstander_story_map_view_dispose (GObject *object)
{
  UpstanderStoryMapView *self = (UpstanderStoryMapView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_STORY_MAP_VIEW);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (upstander_story_map_view_parent_class)->dispose (object);
}

static void
upstander_story_map_view_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  UpstanderStoryMapView *self = UPSTANDER_STORY_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_story_map_view_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  UpstanderStoryMapView *self = UPSTANDER_STORY_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_MAP:
      upstander_story_map_view_set_map (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_story_map_view_class_init (UpstanderStoryMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_story_map_view_dispose;
  object_class->get_property = upstander_story_map_view_get_property;
  object_class->set_property = upstander_story_map_view_set_property;

  properties [PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL,
                         UPSTANDER_TYPE_STORY_MAP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "storymap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-story-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderStoryMapView, box);
  gtk_widget_class_bind_template_child (widget_class, UpstanderStoryMapView, endings_box);
}

static void
upstander_story_map_view_init (UpstanderStoryMapView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Story map"), -1);
  rebuild (self);
}

GtkWidget *
upstander_story_map_view_new (UpstanderStoryMap *map)
{
  g_return_val_if_fail (map == NULL || UPSTANDER_IS_STORY_MAP (map), NULL);

  return g_object_new (UPSTANDER_TYPE_STORY_MAP_VIEW, "map", map, NULL);
}

UpstanderStoryMap *
upstander_story_map_view_get_map (UpstanderStoryMapView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_STORY_MAP_VIEW (self), NULL);

  return self->map;
}

void
upstander_story_map_view_set_map (UpstanderStoryMapView *self,
                                  UpstanderStoryMap     *map)
{
  g_return_if_fail (UPSTANDER_IS_STORY_MAP_VIEW (self));
  g_return_if_fail (map == NULL || UPSTANDER_IS_STORY_MAP (map));

  if (!g_set_object (&self->map, map))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MAP]);
}
