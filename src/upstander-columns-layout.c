/* upstander-columns-layout.c: blocks in reading order, in two columns when there is room
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include "upstander-columns-layout.h"

/*
 * The class summary has to fit a 1080 px projector whole, at the room's type
 * size: its cards (the decisions, the check) go down the start column and
 * on into the end one, as a page of a newspaper reads. Where they break, and
 * how the width is shared between the two columns, is what makes the taller
 * column shortest: measured at each width tried, since wrapped text grows
 * taller as its column narrows. The cards keep their order, so a screen
 * reader reads them as the eye does. Narrower than a laptop (the teacher's
 * notes), one column.
 */

#define TWO_COLUMNS_MIN_WIDTH 1000
#define COLUMN_SPACING        24
#define ROW_SPACING           8

struct _UpstanderColumnsLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (UpstanderColumnsLayout, upstander_columns_layout, GTK_TYPE_LAYOUT_MANAGER)

typedef struct
{
  int   start_width;
  int   end_width;   /* 0: one column */
  guint split;       /* the children before it go in the start column */
  int   height;
} Plan;

/* The start column's share of the width, in percent; the even split first, so that it wins a tie. */
static const int start_shares[] = { 50, 55, 45, 60, 40 };

static GPtrArray *
visible_children (GtkWidget *widget)
{
  GPtrArray *children = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      g_ptr_array_add (children, child);

  return children;
}

static int
height_for_width (GtkWidget *child,
                  int        width)
{
  int natural = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);

  return natural;
}

/* The height of children [from, to) stacked in a column of @heights. */
static int
stack_height (const int *heights,
              guint      from,
              guint      to)
{
  int height = 0;

  for (guint i = from; i < to; i++)
    height += heights[i] + (i > from ? ROW_SPACING : 0);

  return height;
}

static void
plan_for_width (GPtrArray *children,
                int        width,
                Plan      *plan)
{
  guint n = children->len;
  g_autofree int *start_heights = g_new0 (int, MAX (n, 1));
  g_autofree int *end_heights = g_new0 (int, MAX (n, 1));

  /* One column, the whole width: the fallback, and all there is when narrow. */
  for (guint i = 0; i < n; i++)
    start_heights[i] = height_for_width (g_ptr_array_index (children, i), width);
  *plan = (Plan) { width, 0, n, stack_height (start_heights, 0, n) };

  if (width < TWO_COLUMNS_MIN_WIDTH || n < 2)
    return;

  for (guint s = 0; s < G_N_ELEMENTS (start_shares); s++)
    {
      int start_width = (width - COLUMN_SPACING) * start_shares[s] / 100;
      int end_width = width - COLUMN_SPACING - start_width;

      for (guint i = 0; i < n; i++)
        {
          start_heights[i] = height_for_width (g_ptr_array_index (children, i), start_width);
          end_heights[i] = height_for_width (g_ptr_array_index (children, i), end_width);
        }

      for (guint split = 1; split < n; split++)
        {
          int height = MAX (stack_height (start_heights, 0, split), stack_height (end_heights, split, n));

          if (height < plan->height)
            *plan = (Plan) { start_width, end_width, split, height };
        }
    }
}

static GtkSizeRequestMode
upstander_columns_layout_get_request_mode (GtkLayoutManager *layout_manager,
                                           GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
upstander_columns_layout_measure (GtkLayoutManager *layout_manager,
                                  GtkWidget        *widget,
                                  GtkOrientation    orientation,
                                  int               for_size,
                                  int              *minimum,
                                  int              *natural,
                                  int              *minimum_baseline,
                                  int              *natural_baseline)
{
  g_autoptr(GPtrArray) children = visible_children (widget);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Never narrower than one column of the widest block. */
      for (guint i = 0; i < children->len; i++)
        {
          int child_minimum, child_natural;

          gtk_widget_measure (g_ptr_array_index (children, i), orientation, -1, &child_minimum, &child_natural, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural = MAX (*natural, child_natural);
        }
    }
  else
    {
      Plan plan;

      if (for_size < 0)
        gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &for_size, NULL, NULL);
      plan_for_width (children, for_size, &plan);
      *minimum = *natural = plan.height;
    }
}

static void
upstander_columns_layout_allocate (GtkLayoutManager *layout_manager,
                                   GtkWidget        *widget,
                                   int               width,
                                   int               height,
                                   int               baseline)
{
  g_autoptr(GPtrArray) children = visible_children (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int y = 0;
  Plan plan;

  plan_for_width (children, width, &plan);

  for (guint i = 0; i < children->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (children, i);
      gboolean start = i < plan.split;
      int child_width = start ? plan.start_width : plan.end_width;
      int x = start ? 0 : plan.start_width + COLUMN_SPACING;
      int child_height;

      if (i == plan.split)
        y = 0;
      if (rtl)
        x = width - x - child_width;
      child_height = height_for_width (child, child_width);
      gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, child_width, child_height }, -1);
      y += child_height + ROW_SPACING;
    }
}

static void
upstander_columns_layout_class_init (UpstanderColumnsLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = upstander_columns_layout_get_request_mode;
  layout_class->measure = upstander_columns_layout_measure;
  layout_class->allocate = upstander_columns_layout_allocate;
}

static void
upstander_columns_layout_init (UpstanderColumnsLayout *self)
{
}

GtkLayoutManager *
upstander_columns_layout_new (void)
{
  return g_object_new (UPSTANDER_TYPE_COLUMNS_LAYOUT, NULL);
}
