/* upstander-guides-page.c: the bundles' guides for children: a list and a reader
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "upstander-guides-page.h"
#include "upstander-util.h"

struct _UpstanderGuidesPage
{
  GtkWidget         parent_instance;

  UpstanderLibrary *library;
  char             *guide_id;       /* the guide in the reader, or NULL */
  gboolean          from_list;      /* the reader was opened from the list */

  GtkStack         *stack;
  GtkListBox       *list;
  GtkBox           *reader;
  GtkScrolledWindow *reader_scroller;
  GtkStringList    *guide_ids;      /* what the list shows */
};

G_DEFINE_FINAL_TYPE (UpstanderGuidesPage, upstander_guides_page, GTK_TYPE_WIDGET)

static void
row_activated_cb (UpstanderGuidesPage *self,
                  GtkListBoxRow       *row)
{
  const char *guide_id = gtk_string_list_get_string (self->guide_ids, gtk_list_box_row_get_index (row));

  if (upstander_guides_page_show_guide (self, guide_id))
    self->from_list = TRUE;
}

/* A row of the list: the guide's title and summary, and an arrow to open it. */
static GtkWidget *
create_row_cb (gpointer item,
               gpointer data)
{
  UpstanderGuidesPage *self = data;
  UpstanderBundle *bundle = NULL;
  const UpstanderGuide *guide = upstander_library_lookup_guide (self->library,
                                                                gtk_string_object_get_string (item), &bundle);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* A bundle's text is plain text; a row's title is markup unless told otherwise. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), upstander_bundle_translate (bundle, guide->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), upstander_bundle_translate (bundle, guide->summary));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "guide-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

/* The guides of every bundle, each id once: the list's model. */
void
upstander_guides_page_refresh (UpstanderGuidesPage *self)
{
  g_autoptr(GtkStringList) ids = gtk_string_list_new (NULL);
  GPtrArray *bundles;

  g_return_if_fail (UPSTANDER_IS_GUIDES_PAGE (self));

  bundles = self->library != NULL ? upstander_library_get_bundles (self->library) : NULL;
  for (guint b = 0; bundles != NULL && b < bundles->len; b++)
    {
      GPtrArray *guides = upstander_bundle_get_guides (g_ptr_array_index (bundles, b));

      for (guint i = 0; i < guides->len; i++)
        {
          const UpstanderGuide *guide = g_ptr_array_index (guides, i);

          /* The first bundle to have a guide id wins, as upstander_library_lookup_guide() does. */
          if (upstander_library_lookup_guide (self->library, guide->id, NULL) == guide)
            gtk_string_list_append (ids, guide->id);
        }
    }

  g_set_object (&self->guide_ids, ids);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (ids), create_row_cb, self, NULL);
}

void
upstander_guides_page_show_list (UpstanderGuidesPage *self)
{
  g_return_if_fail (UPSTANDER_IS_GUIDES_PAGE (self));

  g_clear_pointer (&self->guide_id, g_free);
  self->from_list = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Opens the guide @guide_id in the reader; FALSE when no bundle has it. */
gboolean
upstander_guides_page_show_guide (UpstanderGuidesPage *self,
                                  const char          *guide_id)
{
  UpstanderBundle *bundle = NULL;
  const UpstanderGuide *guide;
  GtkWidget *child, *sources;

  g_return_val_if_fail (UPSTANDER_IS_GUIDES_PAGE (self), FALSE);

  if (self->library == NULL || guide_id == NULL)
    return FALSE;

  guide = upstander_library_lookup_guide (self->library, guide_id, &bundle);
  if (guide == NULL)
    return FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reader))) != NULL)
    gtk_box_remove (self->reader, child);

  gtk_box_append (self->reader, upstander_text_label_new (upstander_bundle_translate (bundle, guide->title), "title-1"));
  gtk_box_append (self->reader, upstander_text_label_new (upstander_bundle_translate (bundle, guide->summary), "guide-summary"));

  for (guint i = 0; i < guide->blocks->len; i++)
    {
      const UpstanderGuideBlock *block = g_ptr_array_index (guide->blocks, i);

      if (block->kind == UPSTANDER_GUIDE_PARAGRAPH)
        {
          gtk_box_append (self->reader, upstander_text_label_new (upstander_bundle_translate (bundle, block->text), NULL));
          continue;
        }

      for (guint n = 0; n < block->items->len; n++)
        {
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
          GtkWidget *bullet = gtk_label_new ("•");
          GtkWidget *item;

          gtk_widget_set_valign (bullet, GTK_ALIGN_START);
          gtk_accessible_update_property (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
          gtk_widget_add_css_class (row, "guide-item");
          gtk_box_append (GTK_BOX (row), bullet);
          item = upstander_text_label_new (upstander_bundle_translate (bundle, g_ptr_array_index (block->items, n)), NULL);
          gtk_widget_set_hexpand (item, TRUE);
          gtk_box_append (GTK_BOX (row), item);
          gtk_box_append (self->reader, row);
        }
    }

  sources = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (sources, "guide-sources");
  gtk_box_append (GTK_BOX (sources), upstander_text_label_new (_("Sources"), "heading"));
  for (guint i = 0; guide->sources != NULL && guide->sources[i] != NULL; i++)
    {
      GtkWidget *label = upstander_text_label_new (guide->sources[i], "caption");

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (sources), label);
    }
  gtk_box_append (self->reader, sources);

  g_free (self->guide_id);
  self->guide_id = g_strdup (guide_id);
  self->from_list = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "reader");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->reader_scroller), 0);

  return TRUE;
}

/* Back from a guide opened from the list goes to the list; TRUE if it did. */
gboolean
upstander_guides_page_go_back (UpstanderGuidesPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_GUIDES_PAGE (self), FALSE);

  if (self->guide_id == NULL || !self->from_list)
    return FALSE;

  upstander_guides_page_show_list (self);

  return TRUE;
}

/* The id of the guide being read, or NULL on the list. */
const char *
upstander_guides_page_get_guide (UpstanderGuidesPage *self)
{
  g_return_val_if_fail (UPSTANDER_IS_GUIDES_PAGE (self), NULL);

  return self->guide_id;
}

static void
upstander_guides_page_dispose (GObject *object)
{
  UpstanderGuidesPage *self = (UpstanderGuidesPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_GUIDES_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->library);
  g_clear_pointer (&self->guide_id, g_free);
  g_clear_object (&self->guide_ids);

  G_OBJECT_CLASS (upstander_guides_page_parent_class)->dispose (object);
}

static void
upstander_guides_page_class_init (UpstanderGuidesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_guides_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "guidespage");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-guides-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderGuidesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UpstanderGuidesPage, list);
  gtk_widget_class_bind_template_child (widget_class, UpstanderGuidesPage, reader);
  gtk_widget_class_bind_template_child (widget_class, UpstanderGuidesPage, reader_scroller);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
upstander_guides_page_init (UpstanderGuidesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
upstander_guides_page_set_library (UpstanderGuidesPage *self,
                                   UpstanderLibrary    *library)
{
  g_return_if_fail (UPSTANDER_IS_GUIDES_PAGE (self));
  g_return_if_fail (UPSTANDER_IS_LIBRARY (library));

  g_set_object (&self->library, library);
  upstander_guides_page_refresh (self);
}
