/* paraat-xcal.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * xCal (RFC 6321), the XML form of iCalendar: a streaming writer for any
 * icalcomponent tree, the exercise export built on it, and validation
 * against the RELAX NG schema in data/schemas/.
 */

#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

G_BEGIN_DECLS

#define PARAAT_XCAL_NAMESPACE "urn:ietf:params:xml:ns:icalendar-2.0"

#define PARAAT_XCAL_ERROR (paraat_xcal_error_quark ())

typedef enum
{
  PARAAT_XCAL_ERROR_WRITE,  /* libxml2 could not write */
  PARAAT_XCAL_ERROR_SCHEMA, /* the schema itself could not be loaded */
  PARAAT_XCAL_ERROR_READ,   /* the file could not be read */
} ParaatXcalError;

GQuark   paraat_xcal_error_quark      (void);

typedef struct _ParaatXcalWriter ParaatXcalWriter;

ParaatXcalWriter *paraat_xcal_writer_new            (GOutputStream     *out,
                                                     GError           **error);
void              paraat_xcal_writer_add            (ParaatXcalWriter  *self,
                                                     icalcomponent     *component);
void              paraat_xcal_writer_begin_calendar (ParaatXcalWriter  *self,
                                                     icalcomponent     *vcalendar);
void              paraat_xcal_writer_end_calendar   (ParaatXcalWriter  *self);
gboolean          paraat_xcal_writer_finish         (ParaatXcalWriter  *self,
                                                     GError           **error);
void              paraat_xcal_writer_free           (ParaatXcalWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatXcalWriter, paraat_xcal_writer_free)

gboolean paraat_xcal_write_component  (icalcomponent  *component,
                                       GOutputStream  *out,
                                       GError        **error);
gboolean paraat_export_xcal           (GPtrArray      *exercises,
                                       const char     *calname,
                                       GOutputStream  *out,
                                       GError        **error);
gboolean paraat_xcal_validate_schema  (const char     *path,
                                       GPtrArray      *errors,
                                       GError        **error);

G_END_DECLS
