/* upstander-scenario-card.c: one story in the catalogue
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-avatar.h"
#include "upstander-scenario-card.h"
#include "upstander-util.h"
#include "upstander-workshop-page.h"

struct _UpstanderScenarioCard
{
  GtkWidget          parent_instance;

  UpstanderProgress *progress;
  UpstanderScenario *scenario;

  GtkWidget         *box;
  GtkWidget         *cast_box;
  GtkLabel          *title_label;
  GtkLabel          *ages_label;
  GtkLabel          *minutes_label;
  GtkWidget         *made_label;
  GtkLabel          *summary_label;
  GtkLabel          *topics_label;
  GtkWidget         *note_box;
  GtkWidget         *endings_box;
  GtkWidget         *marks_box;
  GtkLabel          *endings_label;
  GtkWidget         *state_box;
  GtkLabel          *state_label;
};

enum {
  PROP_0,
  PROP_SCENARIO,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderScenarioCard, upstander_scenario_card, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

/* One star per ending in the story's order, filled for the endings found. */
static void
update_marks (UpstanderScenarioCard *self,
              GStrv                  found)
{
  g_autoptr(GdkPaintable) filled = upstander_ending_star_lookup (GTK_WIDGET (self), TRUE);
  g_autoptr(GdkPaintable) empty = upstander_ending_star_lookup (GTK_WIDGET (self), FALSE);
  GPtrArray *endings = upstander_scenario_get_endings (self->scenario);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->marks_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->marks_box), child);

  for (guint i = 0; i < endings->len; i++)
    {
      const UpstanderEnding *ending = g_ptr_array_index (endings, i);
      gboolean is_found = g_strv_contains ((const char * const *) found, ending->id);

      gtk_box_append (GTK_BOX (self->marks_box), upstander_ending_star_new (is_found ? filled : empty, is_found));
    }
}

/* How many of the cast a card draws: enough to show who is in the story,
 * few enough to fit a 360 px window at twice the text size. */
#define CARD_CAST_MAX 4
#define CARD_AVATAR_SIZE 40

/* The people the reader meets, in the bundle's order; "you" is not drawn. */
static void
update_cast (UpstanderScenarioCard *self)
{
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (self->cast_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->cast_box), child);

  if (self->scenario != NULL)
    {
      GPtrArray *cast = upstander_scenario_get_cast (self->scenario);

      for (guint i = 0; i < cast->len && shown < CARD_CAST_MAX; i++)
        {
          const UpstanderPerson *person = g_ptr_array_index (cast, i);
          GtkWidget *avatar;

          if (person->role == UPSTANDER_ROLE_PLAYER)
            continue;
          avatar = upstander_avatar_new (person->avatar,
                                         upstander_text_get (person->name, upstander_scenario_get_languages (self->scenario)),
                                         CARD_AVATAR_SIZE);
          gtk_box_append (GTK_BOX (self->cast_box), avatar);
          shown++;
        }
    }
  gtk_widget_set_visible (self->cast_box, shown > 0);
}

static void
update (UpstanderScenarioCard *self)
{
  UpstanderScenario *scenario = self->scenario;
  g_autofree char *ages = NULL;
  g_autofree char *minutes = NULL;
  g_autofree char *topics = NULL;
  g_autofree char *state = NULL;
  g_autofree char *description = NULL;
  g_autofree char *to_find = NULL;
  g_auto(GStrv) found = NULL;
  gboolean has_note;
  guint n_endings, n_found;
  gboolean finished;
  gboolean made_here;

  update_cast (self);

  if (scenario == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->summary_label, "");
      gtk_widget_set_visible (self->state_box, FALSE);
      gtk_widget_set_visible (self->note_box, FALSE);
      gtk_widget_set_visible (self->endings_box, FALSE);
      return;
    }

  /* Bundle text is plain text: set_text only. */
  gtk_label_set_text (self->title_label, upstander_scenario_get_title (scenario));
  gtk_label_set_text (self->summary_label, upstander_scenario_get_summary (scenario));

  /* Translators: an age band on a story card, e.g. "Ages 8–11" */
  ages = g_strdup_printf (_("Ages %u–%u"),
                          upstander_scenario_get_age_min (scenario),
                          upstander_scenario_get_age_max (scenario));
  gtk_label_set_text (self->ages_label, ages);

  minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes",
                                          upstander_scenario_get_minutes (scenario)),
                             upstander_scenario_get_minutes (scenario));
  gtk_label_set_text (self->minutes_label, minutes);

  made_here = upstander_workshop_is_made_here (scenario);
  gtk_widget_set_visible (self->made_label, made_here);

  topics = upstander_scenario_dup_topic_names (scenario);
  gtk_label_set_text (self->topics_label, topics != NULL ? topics : "");
  gtk_widget_set_visible (GTK_WIDGET (self->topics_label), topics != NULL && topics[0] != '\0');

  has_note = upstander_scenario_get_content_notes (scenario)->len > 0;
  gtk_widget_set_visible (self->note_box, has_note);

  n_endings = upstander_scenario_get_n_endings (scenario);
  found = upstander_progress_dup_endings (self->progress,
                                          upstander_scenario_get_bundle_id (scenario),
                                          upstander_scenario_get_id (scenario),
                                          upstander_scenario_get_version (scenario));
  update_marks (self, found);
  gtk_widget_set_visible (self->endings_box, n_endings > 0);
  n_found = upstander_progress_get_n_endings (self->progress,
                                              upstander_scenario_get_bundle_id (scenario),
                                              upstander_scenario_get_id (scenario),
                                              upstander_scenario_get_version (scenario));
  finished = upstander_progress_get_finished (self->progress,
                                              upstander_scenario_get_bundle_id (scenario),
                                              upstander_scenario_get_id (scenario),
                                              upstander_scenario_get_version (scenario));
  if (finished)
    {
      /* Translators: on a story card; the first %u is how many endings were found, the second how many there are */
      state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Done · %u of %u ending found",
                                            "Done · %u of %u endings found",
                                            n_endings),
                               MIN (n_found, n_endings), n_endings);
      gtk_label_set_text (self->state_label, state);
    }
  else
    {
      /* Translators: on a story card never finished, next to one empty star per ending */
      to_find = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u ending to find",
                                              "%u endings to find",
                                              n_endings),
                                 n_endings);
    }
  gtk_widget_set_visible (self->state_box, finished);
  /* Once finished, the state line says how many were found. */
  gtk_label_set_text (self->endings_label, to_find != NULL ? to_find : "");
  gtk_widget_set_visible (GTK_WIDGET (self->endings_label), to_find != NULL);

  /* Translators: how a story card is read aloud after its title: the age band, the length,
   * the summary, then whether it was done, e.g. "Ages 8–11, 3 minutes. Someone … Done · 1 of 1 ending found" */
  description = g_strdup_printf (C_("story card", "%s, %s. %s %s"),
                                 ages, minutes,
                                 upstander_scenario_get_summary (scenario),
                                 state != NULL ? state : to_find);
  /* The marks are words on screen; a screen reader hears them too. */
  if (made_here || has_note)
    {
      g_autofree char *with_marks = g_strconcat (description,
                                                 made_here ? " · " : "", made_here ? _("Made here") : "",
                                                 has_note ? " · " : "", has_note ? _("Content note") : "",
                                                 NULL);

      g_free (description);
      description = g_steal_pointer (&with_marks);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, upstander_scenario_get_title (scenario),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
upstander_scenario_card_dispose (GObject *object)
{
  UpstanderScenarioCard *self = (UpstanderScenarioCard *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_SCENARIO_CARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->scenario);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (upstander_scenario_card_parent_class)->dispose (object);
}

static void
upstander_scenario_card_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  UpstanderScenarioCard *self = UPSTANDER_SCENARIO_CARD (object);

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
upstander_scenario_card_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  UpstanderScenarioCard *self = UPSTANDER_SCENARIO_CARD (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      upstander_scenario_card_set_scenario (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_scenario_card_class_init (UpstanderScenarioCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_scenario_card_dispose;
  object_class->get_property = upstander_scenario_card_get_property;
  object_class->set_property = upstander_scenario_card_set_property;

  properties [PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL,
                         UPSTANDER_TYPE_SCENARIO,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scenariocard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-scenario-card.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, box);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, cast_box);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, ages_label);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, minutes_label);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, made_label);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, topics_label);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, note_box);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, endings_box);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, marks_box);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, endings_label);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, state_box);
  gtk_widget_class_bind_template_child (widget_class, UpstanderScenarioCard, state_label);
}

static void
upstander_scenario_card_init (UpstanderScenarioCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The stars' pictures are for one scale: a screen of another density wants others. */
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (update), NULL);

  /* Wide enough to read: one column on a phone, three on a desktop. */
  gtk_widget_set_size_request (GTK_WIDGET (self), 250, -1);
}

UpstanderScenarioCard *
upstander_scenario_card_new (UpstanderProgress *progress)
{
  UpstanderScenarioCard *self;

  g_return_val_if_fail (UPSTANDER_IS_PROGRESS (progress), NULL);

  self = g_object_new (UPSTANDER_TYPE_SCENARIO_CARD, NULL);
  self->progress = g_object_ref (progress);
  g_signal_connect_object (progress, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  return self;
}

UpstanderScenario *
upstander_scenario_card_get_scenario (UpstanderScenarioCard *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO_CARD (self), NULL);

  return self->scenario;
}

void
upstander_scenario_card_set_scenario (UpstanderScenarioCard *self,
                                      UpstanderScenario     *scenario)
{
  g_return_if_fail (UPSTANDER_IS_SCENARIO_CARD (self));
  g_return_if_fail (scenario == NULL || UPSTANDER_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_func (self->scenario, update, self);

  g_set_object (&self->scenario, scenario);

  if (scenario != NULL)
    g_signal_connect_object (scenario, "notify::title", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCENARIO]);
}

/* What the card says about progress, or "" when the story was never finished. */
const char *
upstander_scenario_card_get_state_text (UpstanderScenarioCard *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO_CARD (self), NULL);

  if (!gtk_widget_get_visible (self->state_box))
    return "";

  return gtk_label_get_text (self->state_label);
}
