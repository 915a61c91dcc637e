/* upstander-class-summary-view.c: what a class chose at every decision, its ending, and the check's counts
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-class-summary-view.h"
#include "upstander-handout.h"
#include "upstander-util.h"

/*
 * One summary, drawn from the run alone, so that the projector and the
 * teacher's notes show the same thing (the PDF prints it through the
 * handout). The summary comes after the story and the check: nothing in it
 * changes while it is on screen, so it is filled when it is given a run.
 */

struct _UpstanderClassSummaryView
{
  AdwBin             parent_instance;

  UpstanderClassRun *run;

  GtkBox            *content;
};

G_DEFINE_FINAL_TYPE (UpstanderClassSummaryView, upstander_class_summary_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RUN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
translate (UpstanderClassSummaryView *self,
           const UpstanderText       *text)
{
  return upstander_scenario_translate (upstander_class_run_get_scenario (self->run), text);
}

/* Both rounds of the check, statement by statement, as the summary PDF prints them. */
static void
add_check_counts (UpstanderClassSummaryView *self)
{
  UpstanderClassCheck *check = upstander_class_run_get_check (self->run);
  GtkWidget *box;

  if (check == NULL || upstander_class_check_get_n_statements (check) == 0)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "class-summary-decision");
  gtk_widget_add_css_class (box, "class-summary-check");
  upstander_box_add_text_label (GTK_BOX (box), _("Before and after"), "heading");
  for (guint i = 0; i < upstander_class_check_get_n_statements (check); i++)
    {
      g_autofree char *counts = upstander_format_check_counts (check, i);
      GtkWidget *statement = upstander_box_add_text_label (GTK_BOX (box), upstander_class_check_get_statement (check, i), "check-statement");

      gtk_widget_set_margin_top (statement, 6);
      upstander_box_add_text_label (GTK_BOX (box), counts, "check-counts");
    }
  gtk_box_append (self->content, box);
}

/*
 * What the class chose, decision by decision. The path taken is marked as
 * the way the story went (an arrow, the accent colour), never as right:
 * the class may well have taken the harmful way, and that is the lesson.
 */
static void
fill (UpstanderClassSummaryView *self)
{
  const UpstanderEnding *ending;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  if (self->run == NULL)
    return;

  ending = upstander_session_get_ending (upstander_class_run_get_session (self->run));
  n = upstander_class_run_get_n_decisions (self->run);

  upstander_box_add_text_label (self->content, _("What the class chose"), "class-prompt");
  if (n == 0)
    upstander_box_add_text_label (self->content, _("This story had no decisions to vote on."), "class-reason");

  for (guint i = 0; i < n; i++)
    {
      const UpstanderClassDecision *decision = upstander_class_run_get_decision (self->run, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "class-summary-decision");
      upstander_box_add_text_label (GTK_BOX (box), translate (self, decision->scene->decision->prompt), "heading");
      for (guint c = 0; c < decision->choices->len; c++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (decision->choices, c);
          gboolean taken = choice == decision->taken;
          g_autofree char *votes = g_strdup_printf (ngettext ("%u vote", "%u votes", decision->votes[c]), decision->votes[c]);
          g_autofree char *text = NULL;
          GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
          GtkWidget *icon = gtk_image_new_from_icon_name (taken ? "go-next-symbolic" : NULL);

          if (taken)
            /* Translators: a choice in the class summary: its label, its votes; this is the path the class took */
            text = g_strdup_printf (_("%s — %s (the class went this way)"), translate (self, choice->label), votes);
          else
            text = g_strdup_printf (C_("votes", "%s — %s"), translate (self, choice->label), votes);

          gtk_widget_set_size_request (icon, 16, -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
          gtk_box_append (GTK_BOX (line), icon);
          gtk_widget_set_hexpand (upstander_box_add_text_label (GTK_BOX (line), text, NULL), TRUE);
          gtk_widget_add_css_class (line, taken ? "summary-taken" : "summary-choice");
          gtk_box_append (GTK_BOX (box), line);
        }
      gtk_box_append (self->content, box);
    }

  if (ending != NULL)
    {
      g_autofree char *end = g_strdup_printf (_("Ending: %s"), translate (self, ending->title));

      upstander_box_add_text_label (self->content, end, "heading");
    }
  add_check_counts (self);
}

static void
upstander_class_summary_view_dispose (GObject *object)
{
  UpstanderClassSummaryView *self = (UpstanderClassSummaryView *)object;

  g_clear_object (&self->run);
  /* The box is the bin's child, and goes with it. */
  self->content = NULL;

  G_OBJECT_CLASS (upstander_class_summary_view_parent_class)->dispose (object);
}

static void
upstander_class_summary_view_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  UpstanderClassSummaryView *self = UPSTANDER_CLASS_SUMMARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_RUN:
      g_value_set_object (value, self->run);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_class_summary_view_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  UpstanderClassSummaryView *self = UPSTANDER_CLASS_SUMMARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_RUN:
      upstander_class_summary_view_set_run (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_class_summary_view_class_init (UpstanderClassSummaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_class_summary_view_dispose;
  object_class->get_property = upstander_class_summary_view_get_property;
  object_class->set_property = upstander_class_summary_view_set_property;

  properties [PROP_RUN] =
    g_param_spec_object ("run", NULL, NULL,
                         UPSTANDER_TYPE_CLASS_RUN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-class-summary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassSummaryView, content);
}

static void
upstander_class_summary_view_init (UpstanderClassSummaryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
upstander_class_summary_view_new (UpstanderClassRun *run)
{
  g_return_val_if_fail (run == NULL || UPSTANDER_IS_CLASS_RUN (run), NULL);

  return g_object_new (UPSTANDER_TYPE_CLASS_SUMMARY_VIEW, "run", run, NULL);
}

UpstanderClassRun *
upstander_class_summary_view_get_run (UpstanderClassSummaryView *self)
{
  g_return_val_if_fail (UPSTANDER_IS_CLASS_SUMMARY_VIEW (self), NULL);

  return self->run;
}

/**
 * upstander_class_summary_view_set_run:
 * @run: (nullable): the run to sum up; set it again to fill the view anew
 */
void
upstander_class_summary_view_set_run (UpstanderClassSummaryView *self,
                                      UpstanderClassRun         *run)
{
  g_return_if_fail (UPSTANDER_IS_CLASS_SUMMARY_VIEW (self));
  g_return_if_fail (run == NULL || UPSTANDER_IS_CLASS_RUN (run));

  /* Filled again even for the same run: the caller shows it when the class gets there. */
  if (g_set_object (&self->run, run))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUN]);
  fill (self);
}
