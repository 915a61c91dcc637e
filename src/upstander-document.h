/* upstander-document.h: a paginated text document drawn with Pango, for PDF and print
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum
{
  UPSTANDER_DOC_TITLE,
  UPSTANDER_DOC_SUBTITLE,
  UPSTANDER_DOC_HEADING,
  UPSTANDER_DOC_SUBHEADING,
  UPSTANDER_DOC_STRONG,
  UPSTANDER_DOC_BODY,
  UPSTANDER_DOC_QUOTE,
  UPSTANDER_DOC_SMALL,
  UPSTANDER_DOC_WRITING_SPACE,  /* ruled lines to write on, no text */
} UpstanderDocStyle;

typedef struct _UpstanderDocument UpstanderDocument;

UpstanderDocument *upstander_document_new          (const char         *title,
                                                    PangoDirection      direction);
void               upstander_document_free         (UpstanderDocument  *self);
void               upstander_document_add          (UpstanderDocument  *self,
                                                    UpstanderDocStyle   style,
                                                    guint               indent,
                                                    const char         *text);
void               upstander_document_add_printf   (UpstanderDocument  *self,
                                                    UpstanderDocStyle   style,
                                                    guint               indent,
                                                    const char         *format,
                                                    ...) G_GNUC_PRINTF (4, 5);
void               upstander_document_add_writing_space (UpstanderDocument *self,
                                                         guint              indent,
                                                         guint              n_lines);
void               upstander_document_paginate     (UpstanderDocument  *self,
                                                    PangoContext       *context,
                                                    double              width,
                                                    double              height);
guint              upstander_document_get_n_pages  (UpstanderDocument  *self);
void               upstander_document_draw_page    (UpstanderDocument  *self,
                                                    cairo_t            *cr,
                                                    guint               page);
gboolean           upstander_document_write_pdf    (UpstanderDocument  *self,
                                                    const char         *path,
                                                    GError            **error);
PangoDirection     upstander_language_direction    (void);
void               upstander_paper_size            (double             *width,
                                                    double             *height);
gboolean           upstander_save_file             (GFile              *file,
                                                    const char         *contents,
                                                    gsize               length,
                                                    GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpstanderDocument, upstander_document_free)

G_END_DECLS
