/* upstander-help-page.c: what to do now, and who can help, for the reader's region */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "upstander-help-page.h"
#include "upstander-language.h"
#include "upstander-util.h"

/*
 * Contacts come from the bundles only: no phone number or address lives in
 * the code. When no bundle has a checked contact for the region, the page
 * says so and shows the contacts meant for everywhere (the Child Helpline
 * International directory in the core bundle).
 */

struct _UpstanderHelpPage
{
  GtkWidget          parent_instance;

  UpstanderLibrary  *library;
  UpstanderSettings *settings;
  gboolean           regional;

  GtkLabel          *region_label;
  GtkWidget         *region_button;
  GtkWidget         *guides_button;
  GtkBox            *contacts_box;
};

G_DEFINE_FINAL_TYPE (UpstanderHelpPage, upstander_help_page, GTK_TYPE_WIDGET)

static const char *
kind_name (UpstanderContactKind kind)
{
  switch (kind)
    {
    case UPSTANDER_CONTACT_HELPLINE:  return _("Helpline");
    case UPSTANDER_CONTACT_REPORT:    return _("Report");
    case UPSTANDER_CONTACT_DIRECTORY: return _("Helplines everywhere");
    case UPSTANDER_CONTACT_EMERGENCY: return _("Emergency");
    default:                          return "";
    }
}

static GtkWidget *
contact_new (const UpstanderContact *contact)
{
  GtkWidget *card = g_object_new (GTK_TYPE_BOX,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 6,
                                  NULL);
  const char *name = upstander_ui_text (contact->name);
  GtkWidget *label;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "contact");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  gtk_box_append (GTK_BOX (card), upstander_text_label_new (kind_name (contact->kind), "caption-heading"));
  gtk_box_append (GTK_BOX (card), upstander_text_label_new (name, "title-4"));
  if (contact->description != NULL)
    gtk_box_append (GTK_BOX (card), upstander_text_label_new (upstander_ui_text (contact->description), NULL));

  if (contact->phone != NULL)
    {
      g_autofree char *number = upstander_language_isolate (contact->phone);
      g_autofree char *phone = NULL;

      /* Translators: %s is a phone number from a bundle */
      phone = g_strdup_printf (_("Phone: %s"), number);
      label = upstander_text_label_new (phone, "heading");
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (card), label);
    }

  if (contact->hours != NULL)
    {
      g_autofree char *when = upstander_language_isolate (upstander_ui_text (contact->hours));
      g_autofree char *hours = NULL;

      /* Translators: %s is when a helpline is open, from a bundle */
      hours = g_strdup_printf (_("Open: %s"), when);
      gtk_box_append (GTK_BOX (card), upstander_text_label_new (hours, "dim-label"));
    }

  if (contact->url != NULL)
    {
      GtkWidget *link = gtk_link_button_new_with_label (contact->url, contact->url);
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (link));

      if (GTK_IS_LABEL (child))
        {
          gtk_label_set_use_markup (GTK_LABEL (child), FALSE);
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_CHAR);
          gtk_label_set_text (GTK_LABEL (child), contact->url);
        }
      gtk_widget_set_halign (link, GTK_ALIGN_START);
      upstander_button_set_label_a11y (link, contact->url);
      gtk_box_append (GTK_BOX (card), link);
    }

  return card;
}

void
upstander_help_page_refresh (UpstanderHelpPage *self)
{
  g_autoptr(GPtrArray) help = NULL;
  g_autofree char *region = NULL;
  g_autofree char *region_text = NULL;
  GtkWidget *child;

  g_return_if_fail (UPSTANDER_IS_HELP_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_box))) != NULL)
    gtk_box_remove (self->contacts_box, child);

  if (self->library == NULL || self->settings == NULL)
    return;

  region = upstander_settings_dup_effective_region (self->settings);
  help = upstander_library_dup_help (self->library, region, &self->regional);

  if (region != NULL)
    {
      g_autofree char *code = upstander_language_isolate (region);

      /* Translators: %s is a region code such as "GB" */
      region_text = g_strdup_printf (_("Showing help for region %s."), code);
    }
  else
    region_text = g_strdup (_("Your region is not known."));
  gtk_label_set_text (self->region_label, region_text);

  if (!self->regional)
    {
      GtkWidget *notice = upstander_text_label_new (_("We do not have a checked helpline for your region yet. The directory below lists children’s helplines in about 140 countries, with their numbers."),
                                                    "fallback-notice");

      gtk_box_append (self->contacts_box, notice);
    }

  for (guint i = 0; i < help->len; i++)
    {
      const UpstanderHelp *entry = g_ptr_array_index (help, i);

      for (guint a = 0; a < entry->advice->len; a++)
        gtk_box_append (self->contacts_box,
                        upstander_text_label_new (upstander_ui_text (g_ptr_array_index (entry->advice, a)), "advice"));
      for (guint c = 0; c < entry->contacts->len; c++)
        gtk_box_append (self->contacts_box, contact_new (g_ptr_array_index (entry->contacts, c)));
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
  gtk_widget_class_bind_template_child (widget_class, UpstanderHelpPage, region_button);
  gtk_widget_class_bind_template_child (widget_class, UpstanderHelpPage, guides_button);
  gtk_widget_class_bind_template_child (widget_class, UpstanderHelpPage, contacts_box);
}

static void
upstander_help_page_init (UpstanderHelpPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  upstander_button_set_label_a11y (self->region_button, _("Change region"));
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
  g_signal_connect_object (settings, "notify::region",
                           G_CALLBACK (upstander_help_page_refresh), self, G_CONNECT_SWAPPED);
  upstander_help_page_refresh (self);
}

/* Whether a bundle has checked contacts for the reader's own region. */
gboolean
upstander_help_page_get_regional (UpstanderHelpPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_HELP_PAGE (self), FALSE);

  return self->regional;
}
