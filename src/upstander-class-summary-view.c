/* upstander-class-summary-view.c: what a class chose at every decision, its ending, and the check's counts
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-class-summary-view.h"
#include "upstander-columns-layout.h"
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
  GtkLabel          *title;
  GtkLabel          *ending;
  GtkBox            *columns;     /* the cards, in two columns when wide (UpstanderColumnsLayout) */
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
static GtkWidget *
count_label_new (GtkSizeGroup *column,
                 const char   *text,
                 const char   *css_class)
{
  GtkWidget *label = upstander_text_label_new (text, css_class);

  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_size_group_add_widget (column, label);

  return label;
}

/* A count of hands, or a dash for a round the class skipped (heard as "not asked"). */
static char *
hands_shown (UpstanderClassCheck *check,
             UpstanderCheckRound  round,
             guint                index)
{
  if (!upstander_class_check_get_taken (check, round))
    return g_strdup ("\u2014");

  return g_strdup_printf ("%u", upstander_class_check_get_hands (check, round, index));
}

/*
 * Both rounds of the check, statement by statement: the hands before and
 * after in two columns of numbers beside each sentence, under "Before" and
 * "After", so a sentence takes no line of its own for its counts.
 */
static GtkWidget *
check_card_new (UpstanderClassSummaryView *self)
{
  UpstanderClassCheck *check = upstander_class_run_get_check (self->run);
  /* One width for both columns of counts, whichever heading is longer. */
  g_autoptr(GtkSizeGroup) counts_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  GtkWidget *box, *header;

  if (check == NULL || upstander_class_check_get_n_statements (check) == 0)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "class-summary-decision");
  gtk_widget_add_css_class (box, "class-summary-check");
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gtk_widget_set_hexpand (upstander_box_add_text_label (GTK_BOX (header), _("Before and after"), "heading"), TRUE);
  /* Translators: the heading of the column of hands raised before the story, in the class summary */
  gtk_box_append (GTK_BOX (header), count_label_new (counts_column, C_("check column", "Before"), "summary-column"));
  /* Translators: the heading of the column of hands raised after the story, in the class summary */
  gtk_box_append (GTK_BOX (header), count_label_new (counts_column, C_("check column", "After"), "summary-column"));
  gtk_box_append (GTK_BOX (box), header);

  for (guint i = 0; i < upstander_class_check_get_n_statements (check); i++)
    {
      g_autofree char *counts = upstander_format_check_counts (check, i);
      g_autofree char *hands_before = hands_shown (check, UPSTANDER_CHECK_BEFORE, i);
      g_autofree char *hands_after = hands_shown (check, UPSTANDER_CHECK_AFTER, i);
      const char *statement = upstander_class_check_get_statement (check, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);

      gtk_widget_set_hexpand (upstander_box_add_text_label (GTK_BOX (row), statement, "check-statement"), TRUE);
      gtk_box_append (GTK_BOX (row), count_label_new (counts_column, hands_before, "check-counts"));
      gtk_box_append (GTK_BOX (row), count_label_new (counts_column, hands_after, "check-counts"));
      /* Heard as the sentence and then both counts in words, as the PDF prints them. */
      g_object_set (row, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, statement,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, counts,
                                      -1);
      gtk_box_append (GTK_BOX (box), row);
    }

  return box;
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
  GtkWidget *child, *check;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns))) != NULL)
    gtk_box_remove (self->columns, child);
  gtk_widget_set_visible (GTK_WIDGET (self->content), self->run != NULL);

  if (self->run == NULL)
    return;

  gtk_label_set_text (self->title, _("What the class chose"));

  ending = upstander_session_get_ending (upstander_class_run_get_session (self->run));
  n = upstander_class_run_get_n_decisions (self->run);

  /* First, under the title: what the class sees is all there is. */
  upstander_box_add_text_label (self->columns, _("The summary holds counts only: nothing about any pupil is kept."), "dim-label");
  if (n == 0)
    upstander_box_add_text_label (self->columns, _("This story had no decisions to vote on."), "class-reason");

  for (guint i = 0; i < n; i++)
    {
      const UpstanderClassDecision *decision = upstander_class_run_get_decision (self->run, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      g_autoptr(GtkSizeGroup) votes_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "class-summary-decision");
      gtk_widget_set_hexpand (upstander_box_add_text_label (GTK_BOX (header), translate (self, decision->scene->decision->prompt), "heading"), TRUE);
      gtk_box_append (GTK_BOX (header), count_label_new (votes_column, _("Votes"), "summary-column"));
      gtk_box_append (GTK_BOX (box), header);
      for (guint c = 0; c < decision->choices->len; c++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (decision->choices, c);
          gboolean taken = choice == decision->taken;
          g_autofree char *votes = g_strdup_printf (ngettext ("%u vote", "%u votes", decision->votes[c]), decision->votes[c]);
          g_autofree char *count_text = g_strdup_printf ("%u", decision->votes[c]);
          g_autofree char *spoken = NULL;
          GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
          GtkWidget *icon = gtk_image_new_from_icon_name (taken ? "go-next-symbolic" : NULL);
          GtkWidget *label, *count;

          if (taken)
            /* Translators: a choice in the class summary: its label, its votes; this is the path the class took */
            spoken = g_strdup_printf (_("%s — %s (the class went this way)"), translate (self, choice->label), votes);
          else
            spoken = g_strdup_printf (C_("votes", "%s — %s"), translate (self, choice->label), votes);

          gtk_widget_set_size_request (icon, 16, -1);
          gtk_widget_set_valign (icon, GTK_ALIGN_START);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
          gtk_box_append (GTK_BOX (line), icon);
          /* The choice, and its votes at the end of its first line, under
           * "Votes": a column of counts the room compares at a glance, as on
           * the vote cards; the choice's text wraps beside it. */
          label = upstander_box_add_text_label (GTK_BOX (line), translate (self, choice->label), "summary-choice-label");
          gtk_widget_set_hexpand (label, TRUE);
          count = count_label_new (votes_column, count_text, "summary-votes");
          gtk_box_append (GTK_BOX (line), count);
          gtk_widget_add_css_class (line, taken ? "summary-taken" : "summary-choice");
          /* Heard as one sentence that says which way the class went (the arrow and colour are for the eye). */
          g_object_set (line, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
          gtk_box_append (GTK_BOX (box), line);
        }
      gtk_box_append (self->columns, box);
    }

  /* The ending beside the title: it takes no room from the columns. */
  if (ending != NULL)
    {
      g_autofree char *end = g_strdup_printf (_("Ending: %s"), translate (self, ending->title));

      upstander_text_label_set_text (GTK_WIDGET (self->ending), end);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ending), ending != NULL);
  check = check_card_new (self);
  if (check != NULL)
    gtk_box_append (self->columns, check);
}

static void
upstander_class_summary_view_dispose (GObject *object)
{
  UpstanderClassSummaryView *self = (UpstanderClassSummaryView *)object;

  g_clear_object (&self->run);
  /* The boxes are the bin's child, and go with it. */
  self->content = NULL;
  self->title = NULL;
  self->ending = NULL;
  self->columns = NULL;

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
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassSummaryView, title);
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassSummaryView, ending);
  gtk_widget_class_bind_template_child (widget_class, UpstanderClassSummaryView, columns);
}

static void
upstander_class_summary_view_init (UpstanderClassSummaryView *self)
{
  g_type_ensure (UPSTANDER_TYPE_COLUMNS_LAYOUT);
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
