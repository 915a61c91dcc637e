/* test-avatar.c: the characters' avatars — drawings, initials, dark style, the core cast
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-avatar"

#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ui-test.h"
#include "upstander-avatar.h"
#include "upstander-bundle.h"
#include "upstander-diagnostic.h"
#include "upstander-model.h"
#include "upstander-scenario.h"
#include "upstander-scenario-card.h"
#include "upstander-story-map-view.h"
#include "upstander-window.h"

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (adw_style_manager_get_dark (adw_style_manager_get_default ()), ==, dark);
}

/* Every pixel size the pictures were rendered at (meson.build). */
static const int pixel_sizes[] = { AVATAR_PIXEL_SIZES };

/* The alpha of one pixel of @texture, from its download in cairo's ARGB32. */
static guint8
alpha_at (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  g_autofree guint32 *pixels = g_new (guint32, width * gdk_texture_get_height (texture));

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  return pixels[y * width + x] >> 24;
}

/* Every documented name has a light and a dark picture at every rendered
 * size, a round drawing that GTK decodes (PNG, no gdk-pixbuf loader). */
static void
test_every_name_drawn (void)
{
  g_auto(GStrv) names = g_strsplit (UPSTANDER_AVATAR_NAMES, " ", -1);

  g_assert_cmpuint (g_strv_length (names), >=, 16);
  /* The sizes of story cards, messages, posts, comments and the face
   * picker, at scale 1 and 2. */
  g_assert_cmpuint (G_N_ELEMENTS (pixel_sizes), >=, 9);
  for (guint i = 0; names[i] != NULL; i++)
    {
      /* And words for it, for a screen reader and the workshop's face picker. */
      g_assert_nonnull (upstander_avatar_describe (names[i]));

      for (guint dark = 0; dark <= 1; dark++)
        for (guint j = 0; j < G_N_ELEMENTS (pixel_sizes); j++)
          {
            int size = pixel_sizes[j];
            g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/avatars/%d/%s%s.png",
                                                     size, names[i], dark ? "-dark" : "");
            g_autoptr(GError) error = NULL;
            g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
            g_autoptr(GdkTexture) texture = NULL;

            g_assert_no_error (error);
            g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
            texture = gdk_texture_new_from_bytes (bytes, &error);
            g_assert_no_error (error);
            g_assert_cmpint (gdk_texture_get_width (texture), ==, size);
            g_assert_cmpint (gdk_texture_get_height (texture), ==, size);
            /* Drawn: opaque in the middle, transparent outside the circle. */
            g_assert_cmpuint (alpha_at (texture, size / 2, size / 2), ==, 255);
            g_assert_cmpuint (alpha_at (texture, 0, 0), ==, 0);
            g_assert_cmpuint (alpha_at (texture, size - 1, size - 1), ==, 0);
          }
    }
}

/* The schema offers exactly the names the loader and the drawings know. */
static void
test_schema_matches_names (void)
{
  g_auto(GStrv) names = g_strsplit (UPSTANDER_AVATAR_NAMES, " ", -1);
  g_autoptr(GBytes) schema = g_resources_lookup_data ("/io/github/upstander/Upstander/schema/upstander-bundle-1.rng",
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  const char *text;
  const char *start, *end;
  g_autofree char *choice = NULL;
  guint n_values = 0;

  g_assert_nonnull (schema);
  text = g_bytes_get_data (schema, NULL);
  start = strstr (text, "<attribute name=\"avatar\">");
  g_assert_nonnull (start);
  end = strstr (start, "</attribute>");
  g_assert_nonnull (end);
  choice = g_strndup (start, end - start);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *value = g_strdup_printf ("<value>%s</value>", names[i]);

      if (strstr (choice, value) == NULL)
        g_error ("the schema does not offer avatar=\"%s\"", names[i]);
    }
  for (const char *p = choice; (p = strstr (p, "<value>")) != NULL; p++)
    n_values++;
  g_assert_cmpuint (n_values, ==, g_strv_length (names));
}

static UpstanderBundle *
load_core (void)
{
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  UpstanderBundle *core = upstander_bundle_load_resource (RESOURCE_BASE "/bundles/core.xml",
                                                          diagnostics, &error);

  g_assert_no_error (error);
  return core;
}

/* Each person in the core stories has a drawing, and the reader is "you". */
static void
test_core_cast_illustrated (void)
{
  g_autoptr(UpstanderBundle) core = load_core ();
  GPtrArray *scenarios;
  guint n_people = 0;

  scenarios = upstander_bundle_get_scenarios (core);
  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
      GPtrArray *cast = upstander_scenario_get_cast (scenario);

      for (guint j = 0; j < cast->len; j++)
        {
          const UpstanderPerson *person = g_ptr_array_index (cast, j);

          if (person->avatar == NULL)
            g_error ("%s: person %s has no avatar", upstander_scenario_get_id (scenario), person->id);
          if (person->role == UPSTANDER_ROLE_PLAYER)
            g_assert_cmpstr (person->avatar, ==, "you");
          else
            g_assert_cmpstr (person->avatar, !=, "you");
          n_people++;
        }
    }
  g_assert_cmpuint (n_people, >, 100);
  g_assert_finalize_object (g_steal_pointer (&core));
}

/* A story card draws its cast (not "you"), in the bundle's order, up to four;
 * the same drawing at the same size is rasterised once and shared. */
static void
test_card_shows_cast (void)
{
  g_autoptr(UpstanderBundle) core = load_core ();
  g_autofree char *dir = g_dir_make_tmp ("upstander-card-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autoptr(UpstanderProgress) progress = upstander_progress_new (path);
  GPtrArray *scenarios;
  guint n_cards_checked = 0;

  scenarios = upstander_bundle_get_scenarios (core);
  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
      GPtrArray *cast = upstander_scenario_get_cast (scenario);
      GtkWidget *card = g_object_ref_sink (GTK_WIDGET (upstander_scenario_card_new (progress)));
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();
      g_autoptr(GPtrArray) shown = NULL;

      for (guint j = 0; j < cast->len && expected->len < 4; j++)
        {
          const UpstanderPerson *person = g_ptr_array_index (cast, j);

          if (person->role != UPSTANDER_ROLE_PLAYER)
            g_ptr_array_add (expected, (gpointer) person);
        }

      upstander_scenario_card_set_scenario (UPSTANDER_SCENARIO_CARD (card), scenario);
      /* In tree order: the avatars as they appear on the card. */
      shown = ui_test_find_all (card, UPSTANDER_TYPE_AVATAR, NULL);

      g_assert_cmpuint (shown->len, ==, expected->len);
      g_assert_cmpuint (shown->len, >=, 2);
      for (guint j = 0; j < shown->len; j++)
        {
          UpstanderAvatar *avatar = g_ptr_array_index (shown, j);
          const UpstanderPerson *person = g_ptr_array_index (expected, j);

          g_assert_cmpstr (upstander_avatar_get_person_name (avatar), ==,
                           upstander_text_get (person->name, upstander_scenario_get_languages (scenario)));
          g_assert_cmpstr (upstander_avatar_get_avatar_name (avatar), ==, person->avatar);
        }

      /* Cards are recycled as the catalogue scrolls: no card keeps another's cast. */
      upstander_scenario_card_set_scenario (UPSTANDER_SCENARIO_CARD (card), NULL);
      g_assert_false (gtk_widget_get_visible (gtk_widget_get_first_child (gtk_widget_get_first_child (card))));
      g_assert_finalize_object (card);
      n_cards_checked++;
    }
  g_assert_cmpuint (n_cards_checked, ==, scenarios->len);

  {
    GtkWidget *first = g_object_ref_sink (upstander_avatar_new ("hijab", "Amira", 40));
    GtkWidget *second = g_object_ref_sink (upstander_avatar_new ("hijab", "Noor", 40));

    g_assert_true (adw_avatar_get_custom_image (ADW_AVATAR (adw_bin_get_child (ADW_BIN (first)))) ==
                   adw_avatar_get_custom_image (ADW_AVATAR (adw_bin_get_child (ADW_BIN (second)))));
    g_assert_finalize_object (first);
    g_assert_finalize_object (second);
  }

  g_assert_finalize_object (g_steal_pointer (&progress));
  g_assert_finalize_object (g_steal_pointer (&core));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_initials_fallback (void)
{
  GtkWidget *avatar = g_object_ref_sink (upstander_avatar_new (NULL, "Ana López", 48));
  GtkWidget *inner = adw_bin_get_child (ADW_BIN (avatar));

  g_assert_false (upstander_avatar_get_illustrated (UPSTANDER_AVATAR (avatar)));
  g_assert_null (upstander_avatar_get_resource (UPSTANDER_AVATAR (avatar)));
  g_assert_null (adw_avatar_get_custom_image (ADW_AVATAR (inner)));
  g_assert_true (adw_avatar_get_show_initials (ADW_AVATAR (inner)));
  g_assert_cmpstr (adw_avatar_get_text (ADW_AVATAR (inner)), ==, "Ana López");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (avatar), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (avatar), GTK_ACCESSIBLE_PROPERTY_LABEL, "Ana López");

  /* A name this build does not draw (say, from a newer bundle) shows
   * initials too; so does anything that looks like a path. */
  upstander_avatar_set_avatar_name (UPSTANDER_AVATAR (avatar), "dragon");
  g_assert_false (upstander_avatar_get_illustrated (UPSTANDER_AVATAR (avatar)));
  upstander_avatar_set_avatar_name (UPSTANDER_AVATAR (avatar), "../bundles/core.xml");
  g_assert_false (upstander_avatar_get_illustrated (UPSTANDER_AVATAR (avatar)));
  g_assert_null (adw_avatar_get_custom_image (ADW_AVATAR (inner)));

  upstander_avatar_set_avatar_name (UPSTANDER_AVATAR (avatar), "hijab");
  g_assert_true (upstander_avatar_get_illustrated (UPSTANDER_AVATAR (avatar)));
  g_assert_nonnull (adw_avatar_get_custom_image (ADW_AVATAR (inner)));

  upstander_avatar_set_avatar_name (UPSTANDER_AVATAR (avatar), NULL);
  g_assert_false (upstander_avatar_get_illustrated (UPSTANDER_AVATAR (avatar)));
  g_assert_null (adw_avatar_get_custom_image (ADW_AVATAR (inner)));

  g_assert_finalize_object (avatar);
}

/* The scale factor the widgets are drawn at: 2 in the run with GDK_SCALE=2
 * (test-avatar-scale-2), so that run cannot pass at scale 1 by mistake. */
static int
expected_scale (GtkWidget *widget)
{
  int scale = gtk_widget_get_scale_factor (widget);

  g_assert_cmpint (scale, ==, g_strcmp0 (g_getenv ("GDK_SCALE"), "2") == 0 ? 2 : 1);
  return scale;
}

/* The picture is the one rendered at the size shown (times the scale
 * factor), and follows the dark style. */
static void
test_size_and_dark_style (void)
{
  GtkWidget *avatar;
  GtkWidget *inner;
  GdkPaintable *image;
  g_autofree char *path = NULL;
  int scale;

  set_dark (FALSE);
  avatar = g_object_ref_sink (upstander_avatar_new ("wheelchair", "Tariq", 32));
  inner = adw_bin_get_child (ADW_BIN (avatar));
  scale = expected_scale (avatar);
  path = g_strdup_printf (RESOURCE_BASE "/avatars/%d/wheelchair.png", 32 * scale);
  g_assert_cmpstr (upstander_avatar_get_resource (UPSTANDER_AVATAR (avatar)), ==, path);
  image = adw_avatar_get_custom_image (ADW_AVATAR (inner));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (image), ==, 32 * scale);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (image), ==, 32 * scale);

  upstander_avatar_set_size (UPSTANDER_AVATAR (avatar), 48);
  image = adw_avatar_get_custom_image (ADW_AVATAR (inner));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (image), ==, 48 * scale);
  g_assert_cmpint (adw_avatar_get_size (ADW_AVATAR (inner)), ==, 48);

  set_dark (TRUE);
  g_free (path);
  path = g_strdup_printf (RESOURCE_BASE "/avatars/%d/wheelchair-dark.png", 48 * scale);
  g_assert_cmpstr (upstander_avatar_get_resource (UPSTANDER_AVATAR (avatar)), ==, path);
  image = adw_avatar_get_custom_image (ADW_AVATAR (inner));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (image), ==, 48 * scale);
  set_dark (FALSE);
  g_free (path);
  path = g_strdup_printf (RESOURCE_BASE "/avatars/%d/wheelchair.png", 48 * scale);
  g_assert_cmpstr (upstander_avatar_get_resource (UPSTANDER_AVATAR (avatar)), ==, path);

  g_assert_finalize_object (avatar);
}

/* A size the build did not render is a mistake in the code (a new place
 * that shows avatars): it is reported, and the next larger picture shown. */
static void
test_unrendered_size (void)
{
  GtkWidget *avatar;
  GdkPaintable *image;
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;
  int scale = g_strcmp0 (g_getenv ("GDK_SCALE"), "2") == 0 ? 2 : 1;

  message = g_strdup_printf ("*not rendered at %d pixels*", 30 * scale);
  g_test_expect_message ("upstander-avatar", G_LOG_LEVEL_CRITICAL, message);
  avatar = g_object_ref_sink (upstander_avatar_new ("patka", "Harjit", 30));
  g_test_assert_expected_messages ();
  g_assert_cmpint (expected_scale (avatar), ==, scale);

  path = g_strdup_printf (RESOURCE_BASE "/avatars/%d/patka.png", 32 * scale);
  g_assert_cmpstr (upstander_avatar_get_resource (UPSTANDER_AVATAR (avatar)), ==, path);
  image = adw_avatar_get_custom_image (ADW_AVATAR (adw_bin_get_child (ADW_BIN (avatar))));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (image), ==, 32 * scale);
  g_assert_cmpint (upstander_avatar_get_size (UPSTANDER_AVATAR (avatar)), ==, 30);

  g_assert_finalize_object (avatar);
}

/* A sheet of every avatar with its name, light and dark, saved to look at. */
static void
shoot_sheet (gboolean dark)
{
  g_auto(GStrv) names = g_strsplit (UPSTANDER_AVATAR_NAMES, " ", -1);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *grid = gtk_grid_new ();
  g_autoptr(GPtrArray) avatars = NULL;

  set_dark (dark);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_box_append (GTK_BOX (cell), upstander_avatar_new (names[i], names[i], 48));
      gtk_box_append (GTK_BOX (cell), gtk_label_new (names[i]));
      gtk_grid_attach (GTK_GRID (grid), cell, i % 7, i / 7, 1, 1);
    }
  /* The last cell: a person without an avatar keeps their initials. */
  {
    GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
    guint n = g_strv_length (names);

    gtk_box_append (GTK_BOX (cell), upstander_avatar_new (NULL, "Noor Siddiqui", 48));
    gtk_box_append (GTK_BOX (cell), gtk_label_new ("(initials)"));
    gtk_grid_attach (GTK_GRID (grid), cell, n % 7, n / 7, 1, 1);
  }
  gtk_window_set_child (GTK_WINDOW (window), grid);
  gtk_window_present (GTK_WINDOW (window));

  avatars = ui_test_find_all (window, UPSTANDER_TYPE_AVATAR, NULL);
  g_assert_cmpuint (avatars->len, ==, g_strv_length (names) + 1);
  for (guint i = 0; i < avatars->len; i++)
    {
      UpstanderAvatar *avatar = g_ptr_array_index (avatars, i);
      gboolean has_name = upstander_avatar_get_avatar_name (avatar) != NULL;

      g_assert_cmpint (upstander_avatar_get_illustrated (avatar), ==, has_name);
      if (has_name)
        g_assert_cmpint (g_str_has_suffix (upstander_avatar_get_resource (avatar), "-dark.png"), ==, dark);
    }

  {
    g_autofree char *name = g_strdup_printf ("avatars-%s%s", dark ? "dark" : "light",
                                             gtk_widget_get_scale_factor (window) == 2 ? "-scale-2" : "");

    ui_test_save_shot (window, name);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  set_dark (FALSE);
}

static void
test_sheet (void)
{
  shoot_sheet (FALSE);
  shoot_sheet (TRUE);
}

/* Whether librsvg or gdk-pixbuf's SVG loader is mapped into this process. */
static void
assert_no_svg_loader (void)
{
  g_autofree char *maps = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents ("/proc/self/maps", &maps, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (maps, "libgtk-4"));
  g_assert_null (strstr (maps, "librsvg"));
  g_assert_null (strstr (maps, "pixbufloader-svg"));
}

/* Run last: nothing above, windows drawn included, maps librsvg or
 * gdk-pixbuf's SVG loader (6 MiB of code in the app, docs/performance.md). */
static void
test_no_svg_at_run_time (void)
{
  assert_no_svg_loader ();
}

/*
 * Run alone, with the system's icon theme (test-avatar-icon-theme: the other
 * runs have no icon theme, and GTK draws its own built-in icons). Adwaita has
 * its symbolic icons as PNG at a few sizes only; at any other GTK reads the
 * SVG, and the catalogue as first shown must not ask for one.
 */
static void
test_catalogue_icons_not_svg (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", NULL);
  const char *dirs[] = { dir, NULL };
  g_autoptr(UpstanderLibrary) library = upstander_library_new_for_sources (NULL, dirs);
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  UpstanderApplication *app;
  UpstanderWindow *window;

  /* This can fail: the theme is there, and has the status page's icon at
   * 128 px only as SVG (looking it up does not read it). */
  icon = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                     "edit-find-symbolic", NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  g_assert_true (g_str_has_suffix (g_file_peek_path (file), ".svg"));

  upstander_library_load (library);
  app = ui_test_new_app (library);
  window = upstander_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (upstander_window_get_page (window), ==, "catalogue");
  /* Waits until the window is drawn, cards and their ending marks included. */
  ui_test_save_shot (GTK_WIDGET (window), "avatars-catalogue-icon-theme");
  marks = ui_test_find_all (GTK_WIDGET (window), GTK_TYPE_IMAGE, "ending-mark");
  g_assert_cmpuint (marks->len, >, 0);

  assert_no_svg_loader ();

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_close_app (app);
}

/*
 * The ending stars on the story cards grow with every step of the text
 * size, and, run with the system's icon theme (test-avatar-icon-theme),
 * none of those sizes makes GTK read an SVG. The story map after an ending
 * draws its stars the same size as the cards at every step.
 */
static void
test_ending_stars_grow_with_text (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", NULL);
  const char *dirs[] = { dir, NULL };
  g_autoptr(UpstanderLibrary) library = upstander_library_new_for_sources (NULL, dirs);
  const char * const *sizes = upstander_settings_get_text_sizes ();
  g_autoptr(UpstanderScenario) found_in = NULL;
  UpstanderSettings *settings;
  UpstanderProgress *progress;
  UpstanderApplication *app;
  UpstanderWindow *window;
  const UpstanderEnding *ending;
  g_autoptr(UpstanderStoryMap) map = NULL;
  GtkWindow *map_window;
  int previous = 0;

  upstander_library_load (library);
  app = ui_test_new_app (library);
  settings = upstander_application_get_settings (app);
  /* One ending found: filled stars grow as the empty ones do. */
  progress = upstander_application_get_progress (app);
  found_in = g_list_model_get_item (G_LIST_MODEL (library), 0);
  ending = g_ptr_array_index (upstander_scenario_get_endings (found_in), 0);
  upstander_progress_add_ending (progress, upstander_scenario_get_bundle_id (found_in),
                                 upstander_scenario_get_id (found_in),
                                 upstander_scenario_get_version (found_in), ending->id);
  window = upstander_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (upstander_window_get_page (window), ==, "catalogue");
  {
    const char *found_ids[] = { ending->id, NULL };

    map = upstander_story_map_new (found_in, found_ids, NULL);
  }
  map_window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (map_window, 600, 700);
  /* In a scroller, as after an ending. */
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), upstander_story_map_view_new (map));
    gtk_window_set_child (map_window, scroller);
  }
  gtk_window_present (map_window);

  for (guint i = 0; sizes[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) marks = NULL;
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GPtrArray) map_stars = NULL;
      GtkWidget *mark;
      int width, height;

      upstander_settings_set_text_size (settings, sizes[i]);
      ui_test_wait_for_paint (GTK_WINDOW (window));
      /* The story map sits in the app's window, which has the same text size class. */
      for (guint j = 0; sizes[j] != NULL; j++)
        {
          g_autofree char *css_class = g_strconcat ("text-", sizes[j], NULL);

          if (gtk_widget_has_css_class (GTK_WIDGET (window), css_class))
            gtk_widget_add_css_class (GTK_WIDGET (map_window), css_class);
          else
            gtk_widget_remove_css_class (GTK_WIDGET (map_window), css_class);
        }
      ui_test_wait_for_paint (map_window);
      marks = ui_test_find_all (GTK_WIDGET (window), GTK_TYPE_IMAGE, "ending-mark");
      g_assert_cmpuint (marks->len, >, 0);
      mark = g_ptr_array_index (marks, 0);
      g_assert_true (gtk_widget_get_mapped (mark));
      width = gtk_widget_get_width (mark);
      height = gtk_widget_get_height (mark);
      g_test_message ("text size %s: stars of %d × %d px", sizes[i], width, height);

      /* Square, a step larger than at the size before, and every star alike. */
      g_assert_cmpint (width, ==, height);
      g_assert_cmpint (width, >, previous);
      for (guint j = 1; j < marks->len; j++)
        if (gtk_widget_get_mapped (g_ptr_array_index (marks, j)))
          g_assert_cmpint (gtk_widget_get_width (g_ptr_array_index (marks, j)), ==, width);
      found = ui_test_find_all (GTK_WIDGET (window), GTK_TYPE_IMAGE, "found");
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpint (gtk_widget_get_width (g_ptr_array_index (found, 0)), ==, width);
      previous = width;

      /* One star per ending on the map, the one found filled, all the cards' size. */
      map_stars = ui_test_find_all (GTK_WIDGET (map_window), GTK_TYPE_IMAGE, "ending-mark");
      g_assert_cmpuint (map_stars->len, ==, upstander_story_map_get_n_endings (map));
      for (guint j = 0; j < map_stars->len; j++)
        {
          GtkWidget *star = g_ptr_array_index (map_stars, j);

          g_assert_cmpint (gtk_widget_get_width (star), ==, width);
          g_assert_cmpint (gtk_widget_get_height (star), ==, width);
          g_assert_cmpint (gtk_widget_has_css_class (star, "found"), ==, j == 0);
        }

      {
        g_autofree char *name = g_strdup_printf ("avatars-stars-%s", sizes[i]);

        ui_test_save_shot (GTK_WIDGET (window), name);
      }
    }
  /* The largest text (twice the default) has the largest star the style sheet gives. */
  g_assert_cmpint (previous, ==, 28);

  assert_no_svg_loader ();

  upstander_settings_set_text_size (settings, "default");
  g_bytes_unref (upstander_progress_remove_story (progress, upstander_scenario_get_bundle_id (found_in),
                                                  upstander_scenario_get_id (found_in)));
  gtk_window_destroy (map_window);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_close_app (app);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/upstander/avatar/every-name-drawn", test_every_name_drawn);
  g_test_add_func ("/upstander/avatar/schema-matches-names", test_schema_matches_names);
  g_test_add_func ("/upstander/avatar/core-cast-illustrated", test_core_cast_illustrated);
  g_test_add_func ("/upstander/avatar/card-shows-cast", test_card_shows_cast);
  g_test_add_func ("/upstander/avatar/initials-fallback", test_initials_fallback);
  g_test_add_func ("/upstander/avatar/size-and-dark-style", test_size_and_dark_style);
  g_test_add_func ("/upstander/avatar/unrendered-size", test_unrendered_size);
  g_test_add_func ("/upstander/avatar/sheet", test_sheet);
  g_test_add_func ("/upstander/avatar/no-svg-at-run-time", test_no_svg_at_run_time);
  g_test_add_func ("/upstander/avatar/catalogue-icons-not-svg", test_catalogue_icons_not_svg);
  g_test_add_func ("/upstander/avatar/catalogue-icons-not-svg/stars-grow-with-text", test_ending_stars_grow_with_text);

  return g_test_run ();
}
