/* upstander-region-chooser.c: a searchable list of countries by name, bound to the region setting
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-language.h"
#include "upstander-region-chooser.h"

/*
 * A GtkDropDown with search (AdwComboRow searches only from libadwaita 1.4):
 * the first item is "from the system", then every ISO 3166-1 region by its
 * name in the interface language. The codes sit beside the names on the
 * widget; the setting holds the code, "" for "from the system".
 */

#define CODES_KEY "upstander-region-codes"

/* The code of the item at @position: "" for "from the system". */
const char *
upstander_region_chooser_get_code (GtkWidget *chooser,
                                   guint      position)
{
  GStrv codes;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (chooser), NULL);

  codes = g_object_get_data (G_OBJECT (chooser), CODES_KEY);
  if (codes == NULL || position >= g_strv_length (codes))
    return NULL;

  return codes[position];
}

static void
select_setting (GtkDropDown       *chooser,
                UpstanderSettings *settings)
{
  GStrv codes = g_object_get_data (G_OBJECT (chooser), CODES_KEY);
  const char *current = upstander_settings_get_region (settings);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (g_strcmp0 (codes[i], current) == 0)
        {
          if (gtk_drop_down_get_selected (chooser) != i)
            gtk_drop_down_set_selected (chooser, i);
          return;
        }
    }
}

static void
selected_cb (GtkDropDown       *chooser,
             GParamSpec        *pspec,
             UpstanderSettings *settings)
{
  const char *code = upstander_region_chooser_get_code (GTK_WIDGET (chooser),
                                                        gtk_drop_down_get_selected (chooser));

  if (code != NULL)
    upstander_settings_set_region (settings, code);
}

static void
region_changed_cb (UpstanderSettings *settings,
                   GParamSpec        *pspec,
                   GtkDropDown       *chooser)
{
  select_setting (chooser, settings);
}

/**
 * upstander_region_chooser_new:
 *
 * Returns: (transfer floating): a drop-down that shows and sets the region
 *   of @settings
 */
GtkWidget *
upstander_region_chooser_new (UpstanderSettings *settings)
{
  g_auto(GStrv) regions = upstander_region_dup_codes_by_name ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *from_locale = upstander_region_from_locale ();
  g_autofree char *automatic = NULL;
  GtkExpression *expression;
  GtkWidget *chooser;

  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (settings), NULL);

  if (from_locale != NULL)
    {
      g_autofree char *name = upstander_language_isolate (upstander_region_get_name (from_locale));

      /* Translators: the first entry of the list of countries; %s is the country the system names */
      automatic = g_strdup_printf (_("From the system: %s"), name);
    }
  else
    automatic = g_strdup (_("Not chosen"));
  gtk_string_list_append (names, automatic);
  g_strv_builder_add (codes, "");

  for (guint i = 0; regions[i] != NULL; i++)
    {
      gtk_string_list_append (names, upstander_region_get_name (regions[i]));
      g_strv_builder_add (codes, regions[i]);
    }

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  chooser = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (chooser), TRUE);
  /* Names wrap: "Соединённое Королевство" at twice the size is wider than a phone. */
  {
    static const char item_ui[] =
      "<interface><template class=\"GtkListItem\"><property name=\"child\">"
      "<object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
      "<property name=\"wrap\">True</property><property name=\"wrap-mode\">word-char</property>"
      "<binding name=\"label\"><lookup name=\"string\" type=\"GtkStringObject\">"
      "<lookup name=\"item\">GtkListItem</lookup></lookup></binding>"
      "</object></property></template></interface>";
    g_autoptr(GBytes) bytes = g_bytes_new_static (item_ui, sizeof item_ui - 1);
    g_autoptr(GtkListItemFactory) factory = gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);

    gtk_drop_down_set_factory (GTK_DROP_DOWN (chooser), factory);
  }
  g_object_set_data_full (G_OBJECT (chooser), CODES_KEY, g_strv_builder_end (codes),
                          (GDestroyNotify) g_strfreev);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Country or region"),
                                  -1);

  select_setting (GTK_DROP_DOWN (chooser), settings);
  g_signal_connect_object (chooser, "notify::selected", G_CALLBACK (selected_cb), settings, 0);
  g_signal_connect_object (settings, "notify::region", G_CALLBACK (region_changed_cb), chooser, 0);

  return chooser;
}
