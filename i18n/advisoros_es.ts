<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en_US">
<context>
    <name>WorkspaceSummaryWindow</name>
    <message><source>AdvisorOS Desktop</source><translation>AdvisorOS Desktop</translation></message>
    <message><source>Local workspace</source><translation>Espacio de trabajo local</translation></message>
    <message><source>Loading…</source><translation>Cargando…</translation></message>
    <message><source>Firm:</source><translation>Despacho:</translation></message>
    <message><source>Signed in as:</source><translation>Sesión iniciada como:</translation></message>
    <message><source>Server:</source><translation>Servidor:</translation></message>
    <message><source>Clients</source><translation>Clientes</translation></message>
    <message><source>Engagements</source><translation>Encargos</translation></message>
    <message><source>Tasks</source><translation>Tareas</translation></message>
    <message><source>Documents</source><translation>Documentos</translation></message>
    <message><source>Starting…</source><translation>Iniciando…</translation></message>
    <message><source>Ready</source><translation>Listo</translation></message>
    <message><source>Could not read the workspace</source><translation>No se pudo leer el espacio de trabajo</translation></message>
</context>
</TS>
