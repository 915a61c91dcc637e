/* upstander-help-page.c: what to do now, and who can help, for the reader's region
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "upstander-help-page.h"
#include "upstander-help-sheet.h"
#include "upstander-language.h"
#include "upstander-region-chooser.h"
#include "upstander-util.h"

/*
 * Contacts come from the bundles only: no phone number or address lives in
 * the code. What the page shows for a region is an UpstanderHelpSheet, the
 * same lines the handout and the class summary print; this page only turns
 * them into widgets. A region without its own checked contacts gets one
 * sentence saying so, the directory and the help meant for everywhere.
 */

struct _UpstanderHelpPage
{
  GtkWidget          parent_instance;

  UpstanderLibrary  *library;
  UpstanderSettings *settings;
  gboolean           regional;

  GtkLabel          *region_label;
  GtkBox            *region_box;
  GtkWidget         *region_chooser;
  GtkWidget         *guides_button;
  GtkBox            *contacts_box;
};

G_DEFINE_FINAL_TYPE (UpstanderHelpPage, upstander_help_page, GTK_TYPE_WIDGET)

static GtkWidget *
link_new (const UpstanderHelpLine *line)
{
  GtkWidget *link = gtk_link_button_new_with_label (line->target, line->text);
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (link));

  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_use_markup (GTK_LABEL (child), FALSE);
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_text (GTK_LABEL (child), line->text);
    }
  gtk_widget_set_halign (link, GTK_ALIGN_START);
  upstander_button_set_label_a11y (link, line->text);

  return link;
}

static GtkWidget *
card_new (const UpstanderHelpCard *contact)
{
  GtkWidget *card = g_object_new (GTK_TYPE_BOX,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 6,
                                  NULL);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "contact");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, contact->name, -1);

  for (guint i = 0; i < contact->lines->len; i++)
    {
      const UpstanderHelpLine *line = g_ptr_array_index (contact->lines, i);
      GtkWidget *label;

      switch (line->kind)
        {
        case UPSTANDER_HELP_LINE_NAME:
          gtk_box_append (GTK_BOX (card), upstander_text_label_new (line->text, "title-4"));
          break;

        case UPSTANDER_HELP_LINE_TRANSLATION:
        case UPSTANDER_HELP_LINE_DETAIL:
          gtk_box_append (GTK_BOX (card), upstander_text_label_new (line->text, "dim-label"));
          break;

        case UPSTANDER_HELP_LINE_DESCRIPTION:
          gtk_box_append (GTK_BOX (card), upstander_text_label_new (line->text, NULL));
          break;

        case UPSTANDER_HELP_LINE_CALL:
        case UPSTANDER_HELP_LINE_TEXT:
          label = upstander_text_label_new (line->text, "heading");
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_box_append (GTK_BOX (card), label);
          break;

        case UPSTANDER_HELP_LINE_LINK:
          gtk_box_append (GTK_BOX (card), link_new (line));
          break;

        case UPSTANDER_HELP_LINE_ADDED_BY:
          gtk_box_append (GTK_BOX (card), upstander_text_label_new (line->text, "added-by"));
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return card;
}

void
upstander_help_page_refresh (UpstanderHelpPage *self)
{
  g_autoptr(UpstanderHelpSheet) sheet = NULL;
  g_autofree char *region = NULL;
  GtkWidget *child;

  g_return_if_fail (UPSTANDER_IS_HELP_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_box))) != NULL)
    gtk_box_remove (self->contacts_box, child);

  if (self->library == NULL || self->settings == NULL)
    return;

  region = upstander_settings_dup_effective_region (self->settings);
  sheet = upstander_help_sheet_new (self->library, region);
  self->regional = sheet->national;

  gtk_label_set_text (self->region_label, sheet->region_line);

  if (sheet->notice != NULL)
    gtk_box_append (self->contacts_box, upstander_text_label_new (sheet->notice, "fallback-notice"));

  /* The advice for every region is what the emergency card and "What you
   * can do now" say already; a region's own advice is new, so it shows. */
  for (guint a = 0; a < sheet->advice->len; a++)
    gtk_box_append (self->contacts_box, upstander_text_label_new (g_ptr_array_index (sheet->advice, a), "advice"));

  for (guint s = 0; s < sheet->sections->len; s++)
    {
      const UpstanderHelpSection *section = g_ptr_array_index (sheet->sections, s);
      GtkWidget *heading = upstander_text_label_new (section->heading, "title-4");

      gtk_widget_add_css_class (heading, "help-section");
      gtk_box_append (self->contacts_box, heading);
      for (guint c = 0; c < section->cards->len; c++)
        gtk_box_append (self->contacts_box, card_new (g_ptr_array_index (section->cards, c)));
    }
}

static void
upstander_help_page_dispose (GObject *object)
{
  UpstanderHelpPage *self = (UpstanderHelpPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_HELP_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (upstander_help_page_parent_class)->dispose (object);
}

static void
upstander_help_page_class_init (UpstanderHelpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_help_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "helppage");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-help-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderHelpPage, region_label);
  gtk_widget_class_bind_template_child (widget_class, UpstanderHelpPage, region_box);
  gtk_widget_class_bind_template_child (widget_class, UpstanderHelpPage, guides_button);
  gtk_widget_class_bind_template_child (widget_class, UpstanderHelpPage, contacts_box);
}

static void
upstander_help_page_init (UpstanderHelpPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  upstander_button_set_label_a11y (self->guides_button, _("Read the guides"));
}

void
upstander_help_page_set_sources (UpstanderHelpPage *self,
                                 UpstanderLibrary  *library,
                                 UpstanderSettings *settings)
{
  g_return_if_fail (UPSTANDER_IS_HELP_PAGE (self));
  g_return_if_fail (UPSTANDER_IS_LIBRARY (library));
  g_return_if_fail (UPSTANDER_IS_SETTINGS (settings));

  g_set_object (&self->library, library);
  g_set_object (&self->settings, settings);
  if (self->region_chooser != NULL)
    gtk_box_remove (self->region_box, self->region_chooser);
  self->region_chooser = upstander_region_chooser_new (settings);
  gtk_widget_set_halign (self->region_chooser, GTK_ALIGN_START);
  gtk_box_append (self->region_box, self->region_chooser);
  /* A region an administrator locked is shown here as in Preferences. */
  upstander_settings_bind_lock (settings, "region", G_OBJECT (self->region_chooser));
  g_signal_connect_object (settings, "notify::region",
                           G_CALLBACK (upstander_help_page_refresh), self, G_CONNECT_SWAPPED);
  upstander_help_page_refresh (self);
}

/* Whether a bundle has checked contacts of the reader's region's own. */
gboolean
upstander_help_page_get_regional (UpstanderHelpPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_HELP_PAGE (self), FALSE);

  return self->regional;
}
