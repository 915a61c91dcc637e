/* upstander-document.c: a paginated text document drawn with Pango, for PDF and print
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <langinfo.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "upstander-document.h"
#include "upstander-file.h"

/*
 * A document is a list of plain-text blocks with a style and an indent.
 * Pagination lays them out with the PangoContext of the target (a PDF
 * surface, or a GtkPrintContext) and places them line by line, so a long
 * paragraph flows onto the next page. Drawing a page only shows the lines
 * placed on it: the PDF export and printing share this code. Text goes
 * through pango_layout_set_text(), never markup.
 */

/* In points (1/72 inch), as PDF surfaces measure. */
#define A4_WIDTH      595.0
#define A4_HEIGHT     842.0
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0
#define MARGIN       56.0
#define FOOTER       28.0
#define INDENT       18.0

typedef struct
{
  UpstanderDocStyle  style;
  guint              indent;
  char              *text;
  PangoLayout       *layout;  /* after pagination */
} Block;

typedef struct
{
  guint  block;
  guint  line;
  double x;
  double baseline;
} Placement;

struct _UpstanderDocument
{
  char           *title;
  PangoDirection  direction;
  GPtrArray      *blocks;   /* Block */
  GPtrArray      *pages;    /* GArray of Placement */
  PangoContext   *context;
  double          width;
  double          height;
};

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_free (block->text);
  g_free (block);
}

/**
 * upstander_language_direction:
 *
 * Returns: the direction of the interface language (the first of
 *   g_get_language_names()), without needing GTK to be initialised
 */
PangoDirection
upstander_language_direction (void)
{
  static const char * const rtl[] = { "ar", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi", NULL };
  const char *first = g_get_language_names ()[0];
  g_autofree char *lang = g_strndup (first, strcspn (first, "_.@-"));

  return g_strv_contains (rtl, lang) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
}

UpstanderDocument *
upstander_document_new (const char     *title,
                        PangoDirection  direction)
{
  UpstanderDocument *self = g_new0 (UpstanderDocument, 1);

  self->title = g_strdup (title != NULL ? title : "");
  self->direction = direction == PANGO_DIRECTION_RTL ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  return self;
}

void
upstander_document_free (UpstanderDocument *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_free (self->title);
  g_free (self);
}

/* Adds a paragraph of plain text; empty text adds nothing. */
void
upstander_document_add (UpstanderDocument *self,
                        UpstanderDocStyle  style,
                        guint              indent,
                        const char        *text)
{
  Block *block;

  g_return_if_fail (self != NULL);

  if (text == NULL || text[0] == '\0')
    return;

  block = g_new0 (Block, 1);
  block->style = style;
  block->indent = MIN (indent, 4);
  block->text = g_utf8_make_valid (text, -1);
  g_ptr_array_add (self->blocks, block);
}

/* Ruled lines for a pupil to write on: the worksheets' answer space. */
void
upstander_document_add_writing_space (UpstanderDocument *self,
                                      guint              indent,
                                      guint              n_lines)
{
  Block *block;

  g_return_if_fail (self != NULL);
  g_return_if_fail (n_lines > 0);

  block = g_new0 (Block, 1);
  block->style = UPSTANDER_DOC_WRITING_SPACE;
  block->indent = MIN (indent, 4);
  /* Empty lines, so Pango measures and paginates them like any text. */
  block->text = g_strnfill (MIN (n_lines, 40) - 1, '\n');
  g_ptr_array_add (self->blocks, block);
}

void
upstander_document_add_printf (UpstanderDocument *self,
                               UpstanderDocStyle  style,
                               guint              indent,
                               const char        *format,
                               ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  upstander_document_add (self, style, indent, text);
}

static void
style_font (UpstanderDocStyle style,
            double           *size,
            PangoWeight      *weight,
            PangoStyle       *slant,
            double           *space_before)
{
  *weight = PANGO_WEIGHT_NORMAL;
  *slant = PANGO_STYLE_NORMAL;

  switch (style)
    {
    case UPSTANDER_DOC_TITLE:      *size = 22; *weight = PANGO_WEIGHT_BOLD; *space_before = 0; break;
    case UPSTANDER_DOC_SUBTITLE:   *size = 12; *space_before = 4; *slant = PANGO_STYLE_ITALIC; break;
    case UPSTANDER_DOC_HEADING:    *size = 15; *weight = PANGO_WEIGHT_BOLD; *space_before = 16; break;
    case UPSTANDER_DOC_SUBHEADING: *size = 12; *weight = PANGO_WEIGHT_BOLD; *space_before = 10; break;
    case UPSTANDER_DOC_STRONG:     *size = 11; *weight = PANGO_WEIGHT_BOLD; *space_before = 6; break;
    case UPSTANDER_DOC_QUOTE:      *size = 11; *slant = PANGO_STYLE_ITALIC; *space_before = 3; break;
    case UPSTANDER_DOC_SMALL:      *size = 9; *space_before = 2; break;
    case UPSTANDER_DOC_WRITING_SPACE: *size = 16; *space_before = 4; break;
    case UPSTANDER_DOC_BODY:
    default:                       *size = 11; *space_before = 3; break;
    }
}

static PangoLayout *
make_layout (UpstanderDocument *self,
             UpstanderDocStyle  style,
             double             width,
             const char        *text)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Noto Sans, Sans");
  PangoLayout *layout = pango_layout_new (self->context);
  double size, space;
  PangoWeight weight;
  PangoStyle slant;

  style_font (style, &size, &weight, &slant, &space);
  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, slant);
  pango_layout_set_font_description (layout, font);
  /* Every paragraph takes the document's direction, so all of them start on
   * the same side of the page whatever their first letter. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, self->direction == PANGO_DIRECTION_RTL ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, (int) (size * 0.25 * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* Lays the document out for pages of @width × @height with @context. */
void
upstander_document_paginate (UpstanderDocument *self,
                             PangoContext      *context,
                             double             width,
                             double             height)
{
  double content_width = width - 2 * MARGIN;
  double bottom = height - MARGIN - FOOTER;
  double y = MARGIN;
  GArray *page;

  g_return_if_fail (self != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  pango_context_set_base_dir (context, self->direction);
  self->width = width;
  self->height = height;
  g_ptr_array_set_size (self->pages, 0);
  page = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_ptr_array_add (self->pages, page);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);
      double indent = block->indent * INDENT;
      double block_width = MAX (content_width - indent, 100);
      double left = self->direction == PANGO_DIRECTION_RTL ? MARGIN : MARGIN + indent;
      double size, space;
      PangoWeight weight;
      PangoStyle slant;
      PangoLayoutIter *iter;
      guint line = 0;

      style_font (block->style, &size, &weight, &slant, &space);
      g_clear_object (&block->layout);
      block->layout = make_layout (self, block->style, block_width, block->text);

      if (page->len > 0)
        y += space;

      /* A heading keeps at least two lines of what follows with it. */
      if ((block->style == UPSTANDER_DOC_HEADING || block->style == UPSTANDER_DOC_SUBHEADING) &&
          page->len > 0)
        {
          int h;

          pango_layout_get_pixel_size (block->layout, NULL, &h);
          if (y + h + 2 * 11 * 1.6 > bottom)
            {
              page = g_array_new (FALSE, FALSE, sizeof (Placement));
              g_ptr_array_add (self->pages, page);
              y = MARGIN;
            }
        }

      iter = pango_layout_get_iter (block->layout);
      do
        {
          PangoRectangle logical;
          double line_height;
          Placement placement;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          line_height = (double) logical.height / PANGO_SCALE;
          if (y + line_height > bottom && page->len > 0)
            {
              page = g_array_new (FALSE, FALSE, sizeof (Placement));
              g_ptr_array_add (self->pages, page);
              y = MARGIN;
            }

          placement.block = b;
          placement.line = line++;
          placement.x = left + (double) logical.x / PANGO_SCALE;
          placement.baseline = y + (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
          g_array_append_val (page, placement);
          y += line_height;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
}

guint
upstander_document_get_n_pages (UpstanderDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

static void
draw_footer (UpstanderDocument *self,
             cairo_t           *cr,
             guint              page)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  /* Translators: the footer of each printed page: the story's title, the page number, the number of pages */
  text = g_strdup_printf (_("%s · Page %u of %u"), self->title, page + 1, self->pages->len);
  layout = make_layout (self, UPSTANDER_DOC_SMALL, self->width - 2 * MARGIN, text);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &w, &h);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, MARGIN, self->height - MARGIN + FOOTER - h);
  pango_cairo_show_layout (cr, layout);
}

/* Draws page @page (from 0) on @cr, whose origin is the page's top left corner. */
void
upstander_document_draw_page (UpstanderDocument *self,
                              cairo_t           *cr,
                              guint              page)
{
  GArray *placements;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);
      Block *block = g_ptr_array_index (self->blocks, placement->block);

      if (block->style == UPSTANDER_DOC_WRITING_SPACE)
        {
          double indent = block->indent * INDENT;
          double start = self->direction == PANGO_DIRECTION_RTL ? MARGIN : MARGIN + indent;
          double end = self->direction == PANGO_DIRECTION_RTL ? self->width - MARGIN - indent : self->width - MARGIN;

          cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, start, placement->baseline + 4);
          cairo_line_to (cr, end, placement->baseline + 4);
          cairo_stroke (cr);
          continue;
        }

      if (block->style == UPSTANDER_DOC_TITLE || block->style == UPSTANDER_DOC_HEADING)
        cairo_set_source_rgb (cr, 0.10, 0.25, 0.45);
      else
        cairo_set_source_rgb (cr, 0.05, 0.05, 0.05);
      cairo_move_to (cr, placement->x, placement->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, placement->line));
    }
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * upstander_paper_size:
 * @width: (out): the page width, in points
 * @height: (out): the page height, in points
 *
 * The paper of the reader's locale (LC_PAPER, as setlocale() took it from the
 * environment): US Letter where the locale says so (the United States, Canada,
 * much of Latin America, the Philippines), A4 everywhere else.
 */
void
upstander_paper_size (double *width,
                      double *height)
{
#ifdef HAVE_NL_PAPER
  /* glibc answers these two with a number in millimetres, not a string
   * (the same trick GTK's gtk_paper_size_get_default() uses). */
  union { char *string; unsigned int millimetres; } paper_width, paper_height;

  paper_width.string = nl_langinfo (_NL_PAPER_WIDTH);
  paper_height.string = nl_langinfo (_NL_PAPER_HEIGHT);
  if (paper_width.millimetres == 216 && paper_height.millimetres == 279)
    {
      *width = LETTER_WIDTH;
      *height = LETTER_HEIGHT;
      return;
    }
#endif

  *width = A4_WIDTH;
  *height = A4_HEIGHT;
}

/* Writes the document as a PDF at @path, on the locale's paper, through upstander_save_file(). */
gboolean
upstander_document_write_pdf (UpstanderDocument  *self,
                              const char         *path,
                              GError            **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  PangoContext *context = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  upstander_paper_size (&width, &height);

  /* Drawn in memory first: cairo writes as it goes, and a file it fails to
   * finish would be a truncated PDF where the old one was. */
  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, width, height);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Upstander");
      cr = cairo_create (surface);
      context = pango_cairo_create_context (cr);
      /* Points, as the PDF surface measures them. */
      pango_cairo_context_set_resolution (context, 72);
      upstander_document_paginate (self, context, width, height);
      for (guint i = 0; i < self->pages->len; i++)
        {
          upstander_document_draw_page (self, cr, i);
          cairo_show_page (cr);
        }
      g_clear_object (&context);
      g_clear_object (&self->context);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }

  file = g_file_new_for_path (path);

  return upstander_save_file (file, (const char *) pdf->data, pdf->len, error);
}

/**
 * upstander_save_file:
 * @file: where to write
 * @contents: (array length=length): what to write
 * @length: how many bytes
 * @error: on failure, a sentence for a person that names the file
 *
 * Every file the app writes for its user (handout and summary PDFs, CSV)
 * is written here: to a temporary file first, renamed over @file only once
 * complete (upstander_file_save()). On failure the old file is left as it
 * was. A pipe or a device (`--output /dev/stdout`) is written to straight.
 *
 * Returns: whether @file now holds @contents
 */
gboolean
upstander_save_file (GFile       *file,
                     const char  *contents,
                     gsize        length,
                     GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) cause = NULL;
  gboolean saved;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    /* 0666: what any new document gets, before the user's umask. */
    saved = upstander_file_save (path, contents, length, 0666, &cause);
  else
    /* Not on a local disk: GIO replaces it as atomically as its backend can. */
    saved = g_file_replace_contents (file, contents, length, NULL, FALSE,
                                     G_FILE_CREATE_NONE, NULL, NULL, &cause);

  if (!saved)
    {
      display = g_file_get_parse_name (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display, cause->message);
    }

  return saved;
}
