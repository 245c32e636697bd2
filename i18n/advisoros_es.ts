<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_US" sourcelanguage="en_US">
<context>
    <name>AccountChanges</name>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Signed in again; your changes are being sent.</source>
        <translation>Sesión iniciada de nuevo; se están enviando sus cambios.</translation>
    </message>
    <message>
        <source>Signed out: your changes wait on this computer. Use File → Sign in again… to send them.</source>
        <translation>Sesión cerrada: sus cambios esperan en este equipo. Use Archivo → Volver a iniciar sesión… para enviarlos.</translation>
    </message>
    <message>
        <source>Changing account failed: {error}</source>
        <translation>No se pudo cambiar de cuenta: {error}</translation>
    </message>
</context>
<context>
    <name>AccountCommands</name>
    <message>
        <source>{n} change not sent to the server yet</source>
        <translation>{n} cambio aún sin enviar al servidor</translation>
    </message>
    <message>
        <source>{n} changes not sent to the server yet</source>
        <translation>{n} cambios aún sin enviar al servidor</translation>
    </message>
    <message>
        <source>{n} file not uploaded yet</source>
        <translation>{n} archivo aún sin subir</translation>
    </message>
    <message>
        <source>{n} files not uploaded yet</source>
        <translation>{n} archivos aún sin subir</translation>
    </message>
</context>
<context>
    <name>AddFilesDialog</name>
    <message>
        <source>{n} file</source>
        <translation>{n} archivo</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} archivos</translation>
    </message>
    <message>
        <source>all {kind}</source>
        <translation>todos: {kind}</translation>
    </message>
    <message>
        <source>others: {n}</source>
        <translation>otros: {n}</translation>
    </message>
    <message>
        <source>no hint: {n}</source>
        <translation>sin pista: {n}</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Agregar archivos</translation>
    </message>
    <message>
        <source>Filename rules send every file to this client.</source>
        <translation>Las reglas de nombre de archivo envían todos los archivos a este cliente.</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Cliente:</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ca&amp;tegoría:</translation>
    </message>
    <message>
        <source>Tax &amp;year:</source>
        <translation>&amp;Año fiscal:</translation>
    </message>
    <message>
        <source>&amp;Add files</source>
        <translation>Agre&amp;gar archivos</translation>
    </message>
    <message>
        <source>Add {files} ({size})</source>
        <translation>Agregar {files} ({size})</translation>
    </message>
    <message>
        <source>From {names}</source>
        <translation>De {names}</translation>
    </message>
    <message>
        <source>{files} will be skipped ({why}).</source>
        <translation>Se omitirán: {files} ({why}).</translation>
    </message>
    <message>
        <source>Infer from each file ({found})</source>
        <translation>Deducir de cada archivo ({found})</translation>
    </message>
    <message>
        <source>none found: General</source>
        <translation>no se encontró ninguna: General</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>no se encontró ninguno</translation>
    </message>
    <message>
        <source>Which client are these files for?</source>
        <translation>¿De qué cliente son estos archivos?</translation>
    </message>
    <message>
        <source>By filename rules</source>
        <translation>Según las reglas de nombre de archivo</translation>
    </message>
    <message>
        <source>Each file goes to the client its rule names: {clients}.</source>
        <translation>Cada archivo va al cliente que indica su regla: {clients}.</translation>
    </message>
    <message>
        <source>No client in view: choose one.</source>
        <translation>No hay ningún cliente a la vista: elija uno.</translation>
    </message>
    <message>
        <source>Choose the client these files belong to.</source>
        <translation>Elija el cliente al que pertenecen estos archivos.</translation>
    </message>
</context>
<context>
    <name>AddFilesFlow</name>
    <message>
        <source>Finish adding the files in the open dialog first.</source>
        <translation>Termine primero de agregar los archivos en el cuadro de diálogo abierto.</translation>
    </message>
    <message>
        <source>Looking at the files…</source>
        <translation>Revisando los archivos…</translation>
    </message>
    <message>
        <source>The files could not be read ({problem}). Nothing was added.</source>
        <translation>No se pudieron leer los archivos ({problem}). No se agregó nada.</translation>
    </message>
    <message>
        <source>Nothing to add.</source>
        <translation>No hay nada que agregar.</translation>
    </message>
    <message>
        <source>Nothing to add: {files} skipped ({why}).</source>
        <translation>No hay nada que agregar. Omitidos: {files} ({why}).</translation>
    </message>
    <message>
        <source>Nothing to add: {files} skipped.</source>
        <translation>No hay nada que agregar. Omitidos: {files}.</translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation>No se agregó nada.</translation>
    </message>
</context>
<context>
    <name>BindingsModel</name>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>Default: {keys}</source>
        <translation>Predeterminado: {keys}</translation>
    </message>
    <message>
        <source>{keys} cannot be used as a shortcut.</source>
        <translation>{keys} no se puede usar como atajo.</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>Set {label}</source>
        <translation>Cambiar {label}</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>Archive {what}</source>
        <translation>Archivar {what}</translation>
    </message>
</context>
<context>
    <name>CheatSheetDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Type to filter shortcuts</source>
        <translation>Escriba para filtrar los atajos</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Filtrar atajos</translation>
    </message>
    <message>
        <source>Esc closes · Keys can be changed in File ▸ Customize keyboard shortcuts…</source>
        <translation>Esc cierra · Las teclas se cambian en Archivo ▸ Personalizar atajos de teclado…</translation>
    </message>
    <message>
        <source>No shortcut matches “{text}”.</source>
        <translation>Ningún atajo coincide con “{text}”.</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>1099</source>
        <translation>1099</translation>
    </message>
    <message>
        <source>1099-DIV</source>
        <translation>1099-DIV</translation>
    </message>
    <message>
        <source>1099-INT</source>
        <translation>1099-INT</translation>
    </message>
    <message>
        <source>1099-MISC</source>
        <translation>1099-MISC</translation>
    </message>
    <message>
        <source>1099-NEC</source>
        <translation>1099-NEC</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Advisory</source>
        <translation>Asesoría</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivado</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <source>Bank statement</source>
        <translation>Estado de cuenta bancario</translation>
    </message>
    <message>
        <source>Bookkeeping</source>
        <translation>Contabilidad</translation>
    </message>
    <message>
        <source>C corporation</source>
        <translation>Corporación C</translation>
    </message>
    <message>
        <source>CPA</source>
        <translation>CPA</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Compilation</source>
        <translation>Compilación</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Consulting</source>
        <translation>Consultoría</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demostración</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Escritorio</translation>
    </message>
    <message>
        <source>Drag and drop</source>
        <translation>Arrastrar y soltar</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Financial statement</source>
        <translation>Estado financiero</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Persona física</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Factura</translation>
    </message>
    <message>
        <source>LLC</source>
        <translation>LLC</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Needs manual review</source>
        <translation>Requiere revisión manual</translation>
    </message>
    <message>
        <source>Nonprofit</source>
        <translation>Sin fines de lucro</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>Sociedad colectiva</translation>
    </message>
    <message>
        <source>Payroll</source>
        <translation>Nómina</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planificación</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>En proceso</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Prospecto</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>S corporation</source>
        <translation>Corporación S</translation>
    </message>
    <message>
        <source>Sole proprietorship</source>
        <translation>Empresa de un solo dueño</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Tax preparation</source>
        <translation>Preparación de impuestos</translation>
    </message>
    <message>
        <source>Tax return</source>
        <translation>Declaración de impuestos</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Fideicomiso</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>W-2</source>
        <translation>W-2</translation>
    </message>
    <message>
        <source>Watched folder</source>
        <translation>Carpeta vigilada</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
</context>
<context>
    <name>ClientField</name>
    <message>
        <source>Type to choose a client</source>
        <translation>Escriba para elegir un cliente</translation>
    </message>
    <message>
        <source>Type part of a name, or press Enter or F4, to choose the client</source>
        <translation>Escriba parte de un nombre, o pulse Intro o F4, para elegir el cliente</translation>
    </message>
    <message>
        <source>A client no longer in the firm</source>
        <translation>Un cliente que ya no está en la firma</translation>
    </message>
    <message>
        <source>A client (names not loaded yet)</source>
        <translation>Un cliente (nombres aún sin cargar)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Ele&amp;gir…</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>&amp;Vaciar</translation>
    </message>
    <message>
        <source>No clients are known yet: sync with the server first.</source>
        <translation>Aún no se conoce ningún cliente: sincronice primero con el servidor.</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>{shown} of {n} client match</source>
        <translation>Coinciden {shown} de {n} cliente</translation>
    </message>
    <message>
        <source>{shown} of {n} clients match</source>
        <translation>Coinciden {shown} de {n} clientes</translation>
    </message>
    <message>
        <source>Choose a client</source>
        <translation>Elegir un cliente</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Nombre del cliente</translation>
    </message>
    <message>
        <source>Type part of a client&apos;s name</source>
        <translation>Escriba parte del nombre de un cliente</translation>
    </message>
    <message>
        <source>Clients found</source>
        <translation>Clientes encontrados</translation>
    </message>
    <message>
        <source>↑ ↓ move · Enter chooses · Esc cancels</source>
        <translation>↑ ↓ mover · Intro elige · Esc cancela</translation>
    </message>
    <message>
        <source>The firm has no clients in this workspace yet.</source>
        <translation>La firma aún no tiene clientes en este espacio de trabajo.</translation>
    </message>
    <message>
        <source>No client matches; check the spelling.</source>
        <translation>Ningún cliente coincide; revise la ortografía.</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Encargo</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Run a command or find a client, document, task…</source>
        <translation>Ejecute un comando o busque un cliente, documento, tarea…</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Paleta de comandos</translation>
    </message>
    <message>
        <source>Commands and records found</source>
        <translation>Comandos y registros encontrados</translation>
    </message>
    <message>
        <source>Reading clients and documents from this computer…</source>
        <translation>Leyendo clientes y documentos de este equipo…</translation>
    </message>
    <message>
        <source>No command or record matches “%1”.</source>
        <translation>Ningún comando ni registro coincide con “%1”.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Toolbar</source>
        <translation>Barra de herramientas</translation>
    </message>
    <message>
        <source>Go to Tasks</source>
        <translation>Ir a Tareas</translation>
    </message>
    <message>
        <source>Accept or save the field</source>
        <translation>Aceptar o guardar el campo</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Agregar archivos…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Agregar carpeta…</translation>
    </message>
    <message>
        <source>Approve the document and open the next</source>
        <translation>Aprobar el documento y abrir el siguiente</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivar</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Asignar a…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Cancel the selected uploads</source>
        <translation>Cancelar las subidas seleccionadas</translation>
    </message>
    <message>
        <source>Choose columns…</source>
        <translation>Elegir columnas…</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>Paleta de comandos…</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Copy rows for Excel</source>
        <translation>Copiar filas para Excel</translation>
    </message>
    <message>
        <source>Customize keyboard shortcuts…</source>
        <translation>Personalizar atajos de teclado…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edición</translation>
    </message>
    <message>
        <source>Edit cell</source>
        <translation>Editar celda</translation>
    </message>
    <message>
        <source>Export diagnostics…</source>
        <translation>Exportar diagnóstico…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrar</translation>
    </message>
    <message>
        <source>Fit the page to the width</source>
        <translation>Ajustar la página al ancho</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Ir</translation>
    </message>
    <message>
        <source>Go to Clients</source>
        <translation>Ir a Clientes</translation>
    </message>
    <message>
        <source>Go to Conflicts</source>
        <translation>Ir a Conflictos</translation>
    </message>
    <message>
        <source>Go to Documents</source>
        <translation>Ir a Documentos</translation>
    </message>
    <message>
        <source>Go to Engagements</source>
        <translation>Ir a Encargos</translation>
    </message>
    <message>
        <source>Go to Intake</source>
        <translation>Ir a Recepción</translation>
    </message>
    <message>
        <source>Go to Review</source>
        <translation>Ir a Revisión</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Keep my values</source>
        <translation>Conservar mis valores</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Next field</source>
        <translation>Campo siguiente</translation>
    </message>
    <message>
        <source>Next field that needs a look</source>
        <translation>Siguiente campo por revisar</translation>
    </message>
    <message>
        <source>Next page of the document</source>
        <translation>Página siguiente del documento</translation>
    </message>
    <message>
        <source>Next row</source>
        <translation>Fila siguiente</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Pause all uploads</source>
        <translation>Pausar todas las subidas</translation>
    </message>
    <message>
        <source>Pause or resume sync</source>
        <translation>Pausar o reanudar la sincronización</translation>
    </message>
    <message>
        <source>Pause or resume the selected uploads</source>
        <translation>Pausar o reanudar las subidas seleccionadas</translation>
    </message>
    <message>
        <source>Previous field</source>
        <translation>Campo anterior</translation>
    </message>
    <message>
        <source>Previous page of the document</source>
        <translation>Página anterior del documento</translation>
    </message>
    <message>
        <source>Previous row</source>
        <translation>Fila anterior</translation>
    </message>
    <message>
        <source>Put back the field&apos;s value</source>
        <translation>Restaurar el valor del campo</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Resume all uploads</source>
        <translation>Reanudar todas las subidas</translation>
    </message>
    <message>
        <source>Retry all failed uploads</source>
        <translation>Reintentar todas las subidas fallidas</translation>
    </message>
    <message>
        <source>Retry the selected uploads</source>
        <translation>Reintentar las subidas seleccionadas</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation>Seleccionar todas las filas</translation>
    </message>
    <message>
        <source>Select or unselect row</source>
        <translation>Seleccionar o deseleccionar la fila</translation>
    </message>
    <message>
        <source>Set category…</source>
        <translation>Cambiar categoría…</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>Cambiar estatus…</translation>
    </message>
    <message>
        <source>Set tax year…</source>
        <translation>Cambiar año fiscal…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configuración…</translation>
    </message>
    <message>
        <source>Show changes waiting to sync</source>
        <translation>Ver los cambios pendientes de sincronizar</translation>
    </message>
    <message>
        <source>Show or hide archived records</source>
        <translation>Mostrar u ocultar los registros archivados</translation>
    </message>
    <message>
        <source>Show or hide details</source>
        <translation>Mostrar u ocultar los detalles</translation>
    </message>
    <message>
        <source>Show or hide history</source>
        <translation>Mostrar u ocultar el historial</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Volver a iniciar sesión…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Switch account…</source>
        <translation>Cambiar de cuenta…</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Take the server&apos;s values</source>
        <translation>Tomar los valores del servidor</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ver</translation>
    </message>
    <message>
        <source>Watched folders…</source>
        <translation>Carpetas vigiladas…</translation>
    </message>
    <message>
        <source>Zoom in on the page</source>
        <translation>Acercar la página</translation>
    </message>
    <message>
        <source>Zoom out of the page</source>
        <translation>Alejar la página</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mío</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Del servidor</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>No conflicts. Changes made here and on the server have all been merged.</source>
        <translation>No hay conflictos. Todos los cambios hechos aquí y en el servidor se han combinado.</translation>
    </message>
    <message>
        <source>This client was deleted on the server.</source>
        <translation>Este cliente se eliminó en el servidor.</translation>
    </message>
    <message>
        <source>This engagement was deleted on the server.</source>
        <translation>Este encargo se eliminó en el servidor.</translation>
    </message>
    <message>
        <source>This task was deleted on the server.</source>
        <translation>Esta tarea se eliminó en el servidor.</translation>
    </message>
    <message>
        <source>This document was deleted on the server.</source>
        <translation>Este documento se eliminó en el servidor.</translation>
    </message>
    <message>
        <source>This extraction was deleted on the server.</source>
        <translation>Esta extracción se eliminó en el servidor.</translation>
    </message>
    <message>
        <source>This record was deleted on the server.</source>
        <translation>Este registro se eliminó en el servidor.</translation>
    </message>
    <message>
        <source>Keep your changes to {record}? It was deleted on the server; it comes back as a new client with your changes.</source>
        <translation>¿Conservar sus cambios en {record}? Se eliminó en el servidor; volverá como un cliente nuevo con sus cambios.</translation>
    </message>
    <message>
        <source>Keep your changes to {record}? It was deleted on the server; it comes back as a new engagement with your changes.</source>
        <translation>¿Conservar sus cambios en {record}? Se eliminó en el servidor; volverá como un encargo nuevo con sus cambios.</translation>
    </message>
    <message>
        <source>Keep your changes to {record}? It was deleted on the server; it comes back as a new task with your changes.</source>
        <translation>¿Conservar sus cambios en {record}? Se eliminó en el servidor; volverá como una tarea nueva con sus cambios.</translation>
    </message>
    <message>
        <source>Keep your changes to {record}? It was deleted on the server; it comes back as a new document with your changes.</source>
        <translation>¿Conservar sus cambios en {record}? Se eliminó en el servidor; volverá como un documento nuevo con sus cambios.</translation>
    </message>
    <message>
        <source>Keep your changes to {record}? It was deleted on the server; it comes back as a new extraction with your changes.</source>
        <translation>¿Conservar sus cambios en {record}? Se eliminó en el servidor; volverá como una extracción nueva con sus cambios.</translation>
    </message>
    <message>
        <source>Keep your changes to {record}? It was deleted on the server; it comes back as a new record with your changes.</source>
        <translation>¿Conservar sus cambios en {record}? Se eliminó en el servidor; volverá como un registro nuevo con sus cambios.</translation>
    </message>
    <message>
        <source>Whole record</source>
        <translation>Registro completo</translation>
    </message>
    <message>
        <source>changed here</source>
        <translation>cambiado aquí</translation>
    </message>
    <message>
        <source>deleted on the server</source>
        <translation>eliminado en el servidor</translation>
    </message>
    <message>
        <source>Changed here: {fields}</source>
        <translation>Cambiado aquí: {fields}</translation>
    </message>
    <message>
        <source>(no fields)</source>
        <translation>(ningún campo)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>These fields were changed here and on the server. Keep mine sends your value to the server; Take theirs replaces yours with the server&apos;s.</source>
        <translation>Estos campos se cambiaron aquí y en el servidor. «Conservar el mío» envía su valor al servidor; «Tomar el del servidor» reemplaza el suyo por el del servidor.</translation>
    </message>
    <message>
        <source>Mine (here)</source>
        <translation>Mío (aquí)</translation>
    </message>
    <message>
        <source>Theirs (on the server)</source>
        <translation>Del servidor</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Conservar el mío</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Tomar el del servidor</translation>
    </message>
    <message>
        <source>Your choice could not be saved: the local database is busy or cannot be written. Nothing was changed; try again in a moment.</source>
        <translation>No se pudo guardar su elección: la base de datos local está ocupada o no se puede escribir. No se cambió nada; vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Conservar el mío</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Tomar el del servidor</translation>
    </message>
    <message>
        <source>Let {record} stay deleted? Your changes to it are discarded.</source>
        <translation>¿Dejar {record} eliminado? Se descartarán sus cambios.</translation>
    </message>
    <message>
        <source>Keep your value for {field} of {record}? It will be sent to the server and replace the value saved there.</source>
        <translation>¿Conservar su valor de {field} de {record}? Se enviará al servidor y reemplazará el valor guardado allí.</translation>
    </message>
    <message>
        <source>Take the server&apos;s value for {field} of {record}? Your change is discarded.</source>
        <translation>¿Tomar el valor del servidor para {field} de {record}? Se descartará su cambio.</translation>
    </message>
    <message>
        <source>Keep your values for {n} conflicts? They will be sent to the server and replace the values saved there.</source>
        <translation>¿Conservar sus valores en {n} conflictos? Se enviarán al servidor y reemplazarán los valores guardados allí.</translation>
    </message>
    <message>
        <source>Records deleted on the server come back as new records with your changes.</source>
        <translation>Los registros eliminados en el servidor volverán como registros nuevos con sus cambios.</translation>
    </message>
    <message>
        <source>Take the server&apos;s values for {n} conflicts? Your changes are discarded.</source>
        <translation>¿Tomar los valores del servidor en {n} conflictos? Se descartarán sus cambios.</translation>
    </message>
    <message>
        <source>Records deleted on the server stay deleted.</source>
        <translation>Los registros eliminados en el servidor seguirán eliminados.</translation>
    </message>
</context>
<context>
    <name>DesktopStartup</name>
    <message>
        <source>The local workspace could not start: {error}</source>
        <translation>No se pudo iniciar el espacio de trabajo local: {error}</translation>
    </message>
    <message>
        <source>The records kept for {user} could not be opened: {error}</source>
        <translation>No se pudieron abrir los registros guardados de {user}: {error}</translation>
    </message>
    <message>
        <source>Adding files could not start: {error}. Everything else works; restart the program to try again.</source>
        <translation>No se pudo iniciar la incorporación de archivos: {error}. Todo lo demás funciona; reinicie el programa para volver a intentarlo.</translation>
    </message>
    <message>
        <source>Preparing the local workspace…</source>
        <translation>Preparando el espacio de trabajo local…</translation>
    </message>
    <message>
        <source>You can keep working; changes are kept here.</source>
        <translation>Puede seguir trabajando; los cambios se guardan aquí.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Untitled user</source>
        <translation>Usuario sin nombre</translation>
    </message>
    <message>
        <source>Untitled client</source>
        <translation>Cliente sin nombre</translation>
    </message>
    <message>
        <source>Untitled engagement</source>
        <translation>Encargo sin nombre</translation>
    </message>
    <message>
        <source>Untitled task</source>
        <translation>Tarea sin título</translation>
    </message>
    <message>
        <source>Untitled document</source>
        <translation>Documento sin nombre</translation>
    </message>
    <message>
        <source>Untitled extraction</source>
        <translation>Extracción sin nombre</translation>
    </message>
    <message>
        <source>{n} change pending upload to server.</source>
        <translation>{n} cambio pendiente de enviar al servidor.</translation>
    </message>
    <message>
        <source>{n} changes pending upload to server.</source>
        <translation>{n} cambios pendientes de enviar al servidor.</translation>
    </message>
    <message>
        <source>{value} (not in this workspace yet)</source>
        <translation>{value} (aún no está en este espacio de trabajo)</translation>
    </message>
    <message>
        <source>… {n} more</source>
        <translation>… {n} más</translation>
    </message>
    <message>
        <source>Deleted here — pending upload to server.</source>
        <translation>Eliminado aquí — pendiente de enviar al servidor.</translation>
    </message>
    <message>
        <source>Created here — pending upload to server.</source>
        <translation>Creado aquí — pendiente de enviar al servidor.</translation>
    </message>
    <message>
        <source>Conflicts with the server&apos;s version</source>
        <translation>En conflicto con la versión del servidor</translation>
    </message>
    <message>
        <source>Changed here, pending upload to server</source>
        <translation>Cambiado aquí, pendiente de enviar al servidor</translation>
    </message>
    <message>
        <source>Changed here; the server still has the earlier choice.</source>
        <translation>Cambiado aquí; el servidor aún tiene la elección anterior.</translation>
    </message>
    <message>
        <source>On the server: empty</source>
        <translation>En el servidor: vacío</translation>
    </message>
    <message>
        <source>On the server: {value}</source>
        <translation>En el servidor: {value}</translation>
    </message>
    <message>
        <source>the whole record</source>
        <translation>el registro completo</translation>
    </message>
    <message>
        <source>Conflicts with the server&apos;s version: {fields}.</source>
        <translation>En conflicto con la versión del servidor: {fields}.</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nada seleccionado</translation>
    </message>
</context>
<context>
    <name>DiagnosticsExport</name>
    <message>
        <source>Export diagnostics</source>
        <translation>Exportar diagnóstico</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Archivos zip (*.zip)</translation>
    </message>
    <message>
        <source>Diagnostics are still being saved…</source>
        <translation>El diagnóstico todavía se está guardando…</translation>
    </message>
    <message>
        <source>Saving diagnostics…</source>
        <translation>Guardando el diagnóstico…</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path}</source>
        <translation>Diagnóstico guardado en {path}</translation>
    </message>
    <message>
        <source>Something unexpected stopped the export ({problem}).</source>
        <translation>Algo inesperado detuvo la exportación ({problem}).</translation>
    </message>
    <message>
        <source>Diagnostics not saved.</source>
        <translation>No se guardó el diagnóstico.</translation>
    </message>
    <message>
        <source>The diagnostics could not be saved.</source>
        <translation>No se pudo guardar el diagnóstico.</translation>
    </message>
</context>
<context>
    <name>DropIntake</name>
    <message>
        <source>{n} files</source>
        <translation>{n} archivos</translation>
    </message>
    <message>
        <source>{n} folders</source>
        <translation>{n} carpetas</translation>
    </message>
    <message>
        <source>{n} files and folders</source>
        <translation>{n} archivos y carpetas</translation>
    </message>
    <message>
        <source>Drop to add {what} to {client}</source>
        <translation>Suelte para agregar {what} a {client}</translation>
    </message>
    <message>
        <source>Drop to add {what} — you will choose the client next</source>
        <translation>Suelte para agregar {what} — luego elegirá el cliente</translation>
    </message>
</context>
<context>
    <name>DropOverlay</name>
    <message>
        <source>You check the client, category and year before anything is sent.</source>
        <translation>Usted revisa el cliente, la categoría y el año antes de que se envíe nada.</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Encargo</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Extraction</source>
        <translation>Extracción</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>client</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>engagement</source>
        <translation>encargo</translation>
    </message>
    <message>
        <source>task</source>
        <translation>tarea</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>extraction</source>
        <translation>extracción</translation>
    </message>
    <message>
        <source>{n} user</source>
        <translation>{n} usuario</translation>
    </message>
    <message>
        <source>{n} users</source>
        <translation>{n} usuarios</translation>
    </message>
    <message>
        <source>{n} client</source>
        <translation>{n} cliente</translation>
    </message>
    <message>
        <source>{n} clients</source>
        <translation>{n} clientes</translation>
    </message>
    <message>
        <source>{n} engagement</source>
        <translation>{n} encargo</translation>
    </message>
    <message>
        <source>{n} engagements</source>
        <translation>{n} encargos</translation>
    </message>
    <message>
        <source>{n} task</source>
        <translation>{n} tarea</translation>
    </message>
    <message>
        <source>{n} tasks</source>
        <translation>{n} tareas</translation>
    </message>
    <message>
        <source>{n} document</source>
        <translation>{n} documento</translation>
    </message>
    <message>
        <source>{n} documents</source>
        <translation>{n} documentos</translation>
    </message>
    <message>
        <source>{n} extraction</source>
        <translation>{n} extracción</translation>
    </message>
    <message>
        <source>{n} extractions</source>
        <translation>{n} extracciones</translation>
    </message>
</context>
<context>
    <name>FieldEditors</name>
    <message>
        <source>12-3456789 or 123-45-6789</source>
        <translation>12-3456789 o 123-45-6789</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
        <source>Type part of the user&apos;s name</source>
        <translation>Escriba parte del nombre del usuario</translation>
    </message>
    <message>
        <source>Type part of the client&apos;s name</source>
        <translation>Escriba parte del nombre del cliente</translation>
    </message>
    <message>
        <source>Type part of the engagement&apos;s name</source>
        <translation>Escriba parte del nombre del encargo</translation>
    </message>
    <message>
        <source>Several users are named “{text}”. Pick one from the list.</source>
        <translation>Hay varios usuarios llamados “{text}”. Elija uno de la lista.</translation>
    </message>
    <message>
        <source>Several clients are named “{text}”. Pick one from the list.</source>
        <translation>Hay varios clientes llamados “{text}”. Elija uno de la lista.</translation>
    </message>
    <message>
        <source>Several engagements are named “{text}”. Pick one from the list.</source>
        <translation>Hay varios encargos llamados “{text}”. Elija uno de la lista.</translation>
    </message>
    <message>
        <source>No user is named “{text}”. Pick one from the list.</source>
        <translation>Ningún usuario se llama “{text}”. Elija uno de la lista.</translation>
    </message>
    <message>
        <source>No client is named “{text}”. Pick one from the list.</source>
        <translation>Ningún cliente se llama “{text}”. Elija uno de la lista.</translation>
    </message>
    <message>
        <source>No engagement is named “{text}”. Pick one from the list.</source>
        <translation>Ningún encargo se llama “{text}”. Elija uno de la lista.</translation>
    </message>
    <message>
        <source>D</source>
        <comment>day, in a date pattern</comment>
        <translation>D</translation>
    </message>
    <message>
        <source>M</source>
        <comment>month, in a date pattern</comment>
        <translation>M</translation>
    </message>
    <message>
        <source>Y</source>
        <comment>year, in a date pattern</comment>
        <translation>A</translation>
    </message>
    <message>
        <source>Type a name</source>
        <translation>Escriba un nombre</translation>
    </message>
    <message>
        <source>Several records are named “{text}”. Pick one from the list.</source>
        <translation>Hay varios registros llamados “{text}”. Elija uno de la lista.</translation>
    </message>
    <message>
        <source>Nothing is named “{text}”. Pick one from the list.</source>
        <translation>Nada se llama “{text}”. Elija uno de la lista.</translation>
    </message>
</context>
<context>
    <name>FieldFormat</name>
    <message>
        <source>{n} field</source>
        <translation>{n} campo</translation>
    </message>
    <message>
        <source>{n} fields</source>
        <translation>{n} campos</translation>
    </message>
    <message>
        <source>{n} item</source>
        <translation>{n} elemento</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} elementos</translation>
    </message>
</context>
<context>
    <name>FieldInput</name>
    <message>
        <source>{local} or {iso}</source>
        <translation>{local} o {iso}</translation>
    </message>
    <message>
        <source>Will be saved as SSN {ssn}. For an EIN, type {ein}.</source>
        <translation>Se guardará como SSN {ssn}. Para un EIN, escriba {ein}.</translation>
    </message>
    <message>
        <source>Will be saved as EIN {ein}.</source>
        <translation>Se guardará como EIN {ein}.</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>acroform</source>
        <translation>formulario PDF</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>ocr</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Confirmed by {who} at {when}</source>
        <translation>Confirmado por {who} el {when}</translation>
    </message>
    <message>
        <source>{confirmed}; read as “{value}”</source>
        <translation>{confirmed}; leído como “{value}”</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corregido</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>Read by the machine from the {source}; not confirmed</source>
        <translation>Leído automáticamente de: {source}; sin confirmar</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>Needs a look.</source>
        <translation>Hay que revisarlo.</translation>
    </message>
    <message>
        <source>{percent} sure.</source>
        <translation>Confianza: {percent}.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivado</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>Nombre comercial</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>Tipo de entidad</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Verificaciones</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Contact email</source>
        <translation>Correo del contacto</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Teléfono del contacto</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Encargo</translation>
    </message>
    <message>
        <source>Extracted data</source>
        <translation>Datos extraídos</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Honorarios</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nombre del archivo</translation>
    </message>
    <message>
        <source>Form type</source>
        <translation>Tipo de formulario</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Razón social</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Requiere revisión</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Contacto principal</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>Revisado por</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <source>Tax ID (EIN or SSN)</source>
        <translation>ID fiscal (EIN o SSN)</translation>
    </message>
    <message>
        <source>Tax year</source>
        <translation>Año fiscal</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Uploaded by</source>
        <translation>Subido por</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
</context>
<context>
    <name>FilenameRulesEditor</name>
    <message>
        <source>A glob on the file name (* any text, ? one character), or re: followed by a regular expression found anywhere in the name. Case is ignored.</source>
        <translation>Un patrón comodín sobre el nombre del archivo (* cualquier texto, ? un carácter), o re: seguido de una expresión regular que aparezca en cualquier parte del nombre. No distingue mayúsculas de minúsculas.</translation>
    </message>
    <message>
        <source>This reads as a glob (* any text, ? one character). For a regular expression, start the pattern with re:</source>
        <translation>Esto se lee como un patrón comodín (* cualquier texto, ? un carácter). Para una expresión regular, empiece el patrón con re:</translation>
    </message>
    <message>
        <source>Files whose name fits a pattern get the client, category and year the rule sets. A rule beats the folders; where several rules match, each setting comes from the first rule (highest in the list) that sets it.</source>
        <translation>Los archivos cuyo nombre coincide con un patrón reciben el cliente, la categoría y el año que fija la regla. Una regla prevalece sobre las carpetas; si coinciden varias reglas, cada valor lo da la primera regla (la más alta de la lista) que lo fija.</translation>
    </message>
    <message>
        <source>Ru&amp;les:</source>
        <translation>Reg&amp;las:</translation>
    </message>
    <message>
        <source>&amp;New rule</source>
        <translation>&amp;Nueva regla</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>Type or paste a file name, such as W2_Acme.pdf</source>
        <translation>Escriba o pegue un nombre de archivo, como W2_Acme.pdf</translation>
    </message>
    <message>
        <source>&amp;Test a file name:</source>
        <translation>&amp;Probar un nombre de archivo:</translation>
    </message>
    <message>
        <source>Filename rules</source>
        <translation>Reglas de nombre de archivo</translation>
    </message>
    <message>
        <source>Selected rule</source>
        <translation>Regla seleccionada</translation>
    </message>
    <message>
        <source>W2_*.pdf  or  re:^ACME_\d+</source>
        <translation>W2_*.pdf  o  re:^ACME_\d+</translation>
    </message>
    <message>
        <source>Client for this rule</source>
        <translation>Cliente de esta regla</translation>
    </message>
    <message>
        <source>Not set by this rule</source>
        <translation>No lo fija esta regla</translation>
    </message>
    <message>
        <source>&amp;Pattern:</source>
        <translation>Pa&amp;trón:</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>Cl&amp;iente:</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>C&amp;ategoría:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>Añ&amp;o:</translation>
    </message>
    <message>
        <source>Type a file name above to see which rule would decide what for it.</source>
        <translation>Escriba arriba un nombre de archivo para ver qué regla decidiría qué para él.</translation>
    </message>
    <message>
        <source>client</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categoría</translation>
    </message>
    <message>
        <source>year</source>
        <translation>año</translation>
    </message>
    <message>
        <source>“{name}” → {parts}.</source>
        <translation>“{name}” → {parts}.</translation>
    </message>
    <message>
        <source>No rule matches “{name}”: the folders and the name itself decide, or the file waits in Unsorted.</source>
        <translation>Ninguna regla coincide con “{name}”: deciden las carpetas y el propio nombre, o el archivo espera en Sin clasificar.</translation>
    </message>
    <message>
        <source>Rule {n} matches but names a client no longer in the firm.</source>
        <translation>La regla {n} coincide pero indica un cliente que ya no está en la firma.</translation>
    </message>
    <message>
        <source>Not checked until fixed: rule {rows}.</source>
        <translation>No se comprueba hasta que se corrija: regla {rows}.</translation>
    </message>
    <message>
        <source>{what} {value} (rule {number})</source>
        <translation>{what} {value} (regla {number})</translation>
    </message>
</context>
<context>
    <name>FilenameRulesPage</name>
    <message>
        <source>Filename rules can be set up once the workspace is connected.</source>
        <translation>Las reglas de nombre de archivo se pueden configurar cuando el espacio de trabajo esté conectado.</translation>
    </message>
    <message>
        <source>Filename rules</source>
        <translation>Reglas de nombre de archivo</translation>
    </message>
    <message>
        <source>Not saved yet: a rule is not valid (the reason is beside it). The rules saved before still apply.</source>
        <translation>Aún no se guardó: una regla no es válida (el motivo está a su lado). Siguen vigentes las reglas guardadas antes.</translation>
    </message>
    <message>
        <source>Saved. New files are routed by these rules.</source>
        <translation>Guardado. Los archivos nuevos se dirigen según estas reglas.</translation>
    </message>
    <message>
        <source>Filename rule {number} was not saved: {problem}</source>
        <translation>No se guardó la regla de nombre de archivo {number}: {problem}</translation>
    </message>
</context>
<context>
    <name>FolderListModel</name>
    <message>
        <source>Watching</source>
        <translation>Vigilando</translation>
    </message>
    <message>
        <source>Not there</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Cannot be watched</source>
        <translation>No se puede vigilar</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Watched after OK</source>
        <translation>Se vigilará al aceptar</translation>
    </message>
    <message>
        <source>Watching starts once you press OK.</source>
        <translation>La vigilancia empieza cuando pulse Aceptar.</translation>
    </message>
    <message>
        <source>Paused after OK</source>
        <translation>En pausa al aceptar</translation>
    </message>
    <message>
        <source>Watching pauses once you press OK.</source>
        <translation>La vigilancia se pausa cuando pulse Aceptar.</translation>
    </message>
    <message>
        <source>Resumes after OK</source>
        <translation>Se reanuda al aceptar</translation>
    </message>
    <message>
        <source>Watching resumes once you press OK.</source>
        <translation>La vigilancia se reanuda cuando pulse Aceptar.</translation>
    </message>
    <message>
        <source>Not watched yet</source>
        <translation>Aún sin vigilar</translation>
    </message>
    <message>
        <source>Watching starts once the workspace is connected.</source>
        <translation>La vigilancia empieza cuando el espacio de trabajo esté conectado.</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Language settings are not available.</source>
        <translation>La configuración del idioma no está disponible.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>Changes at once. “Same as the computer” follows it.</source>
        <translation>Cambia al instante. «Igual que el equipo» lo sigue.</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>Carpeta de &amp;datos:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Abrir carpeta</translation>
    </message>
    <message>
        <source>This computer&apos;s copy of the firm&apos;s data, the changes waiting to be sent, these settings and the logs. AdvisorOS does not move it while it runs, since sync and intake write there. To keep it elsewhere, quit AdvisorOS, move the folder, and start AdvisorOS with --data-dir and the new folder.</source>
        <translation>La copia de los datos de la firma en este equipo, los cambios pendientes de enviar, esta configuración y los registros. AdvisorOS no la mueve mientras se ejecuta, porque la sincronización y la recepción escriben allí. Para tenerla en otro lugar, salga de AdvisorOS, mueva la carpeta e inicie AdvisorOS con --data-dir y la carpeta nueva.</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <source>Dropped</source>
        <translation>Arrastrado</translation>
    </message>
    <message>
        <source>Watched folder</source>
        <translation>Carpeta vigilada</translation>
    </message>
    <message>
        <source>Added here</source>
        <translation>Agregado aquí</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Unsorted</source>
        <translation>Sin clasificar</translation>
    </message>
    <message>
        <source>{n} byte</source>
        <translation>{n} byte</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} bytes</translation>
    </message>
    <message>
        <source>Hashing</source>
        <translation>Comprobando</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Waiting: {reason}</source>
        <translation>En espera: {reason}</translation>
    </message>
    <message>
        <source>Uploading {percent}%</source>
        <translation>Subiendo {percent} %</translation>
    </message>
    <message>
        <source>Duplicate of {name}</source>
        <translation>Duplicado de {name}</translation>
    </message>
    <message>
        <source>Duplicate: {reason}</source>
        <translation>Duplicado: {reason}</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicado</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>Falló: {reason}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sin motivo indicado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Watched: {folder}</source>
        <translation>Vigilada: {folder}</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>a few seconds</source>
        <translation>unos segundos</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{n} checking</source>
        <comment>one file</comment>
        <translation>{n} en comprobación</translation>
    </message>
    <message>
        <source>{n} checking</source>
        <comment>several files</comment>
        <translation>{n} en comprobación</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <comment>one file</comment>
        <translation>{n} en espera</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <comment>several files</comment>
        <translation>{n} en espera</translation>
    </message>
    <message>
        <source>{n} uploading</source>
        <comment>one file</comment>
        <translation>{n} subiendo</translation>
    </message>
    <message>
        <source>{n} uploading</source>
        <comment>several files</comment>
        <translation>{n} subiendo</translation>
    </message>
    <message>
        <source>{n} paused</source>
        <comment>one file</comment>
        <translation>{n} en pausa</translation>
    </message>
    <message>
        <source>{n} paused</source>
        <comment>several files</comment>
        <translation>{n} en pausa</translation>
    </message>
    <message>
        <source>{n} unsorted</source>
        <comment>one file</comment>
        <translation>{n} sin clasificar</translation>
    </message>
    <message>
        <source>{n} unsorted</source>
        <comment>several files</comment>
        <translation>{n} sin clasificar</translation>
    </message>
    <message>
        <source>{n} done</source>
        <comment>one file</comment>
        <translation>{n} listo</translation>
    </message>
    <message>
        <source>{n} done</source>
        <comment>several files</comment>
        <translation>{n} listos</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <comment>one file</comment>
        <translation>{n} fallido</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <comment>several files</comment>
        <translation>{n} fallidos</translation>
    </message>
    <message>
        <source>{n} duplicate</source>
        <comment>one file</comment>
        <translation>{n} duplicado</translation>
    </message>
    <message>
        <source>{n} duplicates</source>
        <comment>several files</comment>
        <translation>{n} duplicados</translation>
    </message>
    <message>
        <source>{n} cancelled</source>
        <comment>one file</comment>
        <translation>{n} cancelado</translation>
    </message>
    <message>
        <source>{n} cancelled</source>
        <comment>several files</comment>
        <translation>{n} cancelados</translation>
    </message>
    <message>
        <source>Nothing in the upload queue. Drop files anywhere on the window to add them.</source>
        <translation>No hay nada en la cola de subida. Suelte archivos en cualquier parte de la ventana para agregarlos.</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} de {total}</translation>
    </message>
    <message>
        <source>about {time} left</source>
        <translation>faltan unos {time}</translation>
    </message>
    <message>
        <source>{folder}: watching</source>
        <translation>{folder}: vigilando</translation>
    </message>
    <message>
        <source>{folder}: paused</source>
        <translation>{folder}: en pausa</translation>
    </message>
    <message>
        <source>{path}: not there (unplugged drive?) — waiting for it</source>
        <translation>{path}: no disponible (¿unidad desconectada?) — esperándola</translation>
    </message>
    <message>
        <source>{path}: cannot be opened — trying again</source>
        <translation>{path}: no se puede abrir — reintentando</translation>
    </message>
</context>
<context>
    <name>IntakeController</name>
    <message>
        <source>{n} file</source>
        <translation>{n} archivo</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} archivos</translation>
    </message>
    <message>
        <source>{n} file was added before.</source>
        <translation>{n} archivo ya se había agregado.</translation>
    </message>
    <message>
        <source>{n} files were added before.</source>
        <translation>{n} archivos ya se habían agregado.</translation>
    </message>
    <message>
        <source>{n} file skipped ({why}).</source>
        <translation>{n} archivo omitido ({why}).</translation>
    </message>
    <message>
        <source>{n} files skipped ({why}).</source>
        <translation>{n} archivos omitidos ({why}).</translation>
    </message>
    <message>
        <source>Add {files} for {client}</source>
        <translation>Agregar {files} para {client}</translation>
    </message>
    <message>
        <source>Add {files}</source>
        <translation>Agregar {files}</translation>
    </message>
    <message>
        <source>Added {files} for {client}.</source>
        <translation>Agregados para {client}: {files}.</translation>
    </message>
    <message>
        <source>Added {files}.</source>
        <translation>Agregados: {files}.</translation>
    </message>
    <message>
        <source>Filename rules choose their clients.</source>
        <translation>Las reglas de nombre de archivo eligen sus clientes.</translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation>No se agregó nada.</translation>
    </message>
    <message>
        <source>{reason} and others</source>
        <translation>{reason} y otros</translation>
    </message>
    <message>
        <source>Intake has stopped; the files were not added.</source>
        <translation>La recepción se detuvo; no se agregaron los archivos.</translation>
    </message>
    <message>
        <source>The files could not be added ({problem}). Nothing was queued; try again.</source>
        <translation>No se pudieron agregar los archivos ({problem}). No se puso nada en cola; vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>the chosen client</source>
        <translation>el cliente elegido</translation>
    </message>
    <message>
        <source>The upload queue could not be changed: {problem}</source>
        <translation>No se pudo cambiar la cola de subida: {problem}</translation>
    </message>
    <message>
        <source>The watched folders could not be started: {problem}</source>
        <translation>No se pudieron iniciar las carpetas vigiladas: {problem}</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Watched folders can be set up once the workspace is connected.</source>
        <translation>Las carpetas vigiladas se pueden configurar cuando el espacio de trabajo esté conectado.</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Files saved into a watched folder (a scanner&apos;s, or “print to PDF”) are uploaded by themselves. Each folder says which client its files belong to (or leaves that to the filename rules and the file&apos;s name) and what happens to a file once the server has it: moved to .processed, deleted, or left in place.</source>
        <translation>Los archivos guardados en una carpeta vigilada (la de un escáner o la de «imprimir a PDF») se suben solos. Cada carpeta indica a qué cliente pertenecen sus archivos (o lo deja a las reglas de nombre de archivo y al nombre del archivo) y qué pasa con un archivo cuando ya lo tiene el servidor: se mueve a .processed, se elimina o se deja donde está.</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>Carpetas vigiladas</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>After upload</source>
        <translation>Después de subir</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Watched folders:</source>
        <translation>Carpetas &amp;vigiladas:</translation>
    </message>
    <message>
        <source>&amp;Edit watched folders and routing…</source>
        <translation>&amp;Editar carpetas vigiladas y destinos…</translation>
    </message>
    <message>
        <source>No folder is watched yet. Add the folder your scanner or “print to PDF” saves into.</source>
        <translation>Aún no se vigila ninguna carpeta. Agregue la carpeta donde guarda su escáner o «imprimir a PDF».</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Not watched yet</source>
        <translation>Aún sin vigilar</translation>
    </message>
</context>
<context>
    <name>IntakeProgress</name>
    <message>
        <source>{n} file</source>
        <translation>{n} archivo</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} archivos</translation>
    </message>
    <message>
        <source>{n} file needs a client (Intake)</source>
        <translation>{n} archivo necesita un cliente (Recepción)</translation>
    </message>
    <message>
        <source>{n} files need a client (Intake)</source>
        <translation>{n} archivos necesitan un cliente (Recepción)</translation>
    </message>
    <message>
        <source>{n} file paused (Intake)</source>
        <translation>{n} archivo en pausa (Recepción)</translation>
    </message>
    <message>
        <source>{n} files paused (Intake)</source>
        <translation>{n} archivos en pausa (Recepción)</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>falta menos de un minuto</translation>
    </message>
    <message>
        <source>about {m} min left</source>
        <translation>faltan unos {m} min</translation>
    </message>
    <message>
        <source>about {h} h {m} min left</source>
        <translation>faltan unas {h} h {m} min</translation>
    </message>
    <message>
        <source>about {h} h left</source>
        <translation>faltan unas {h} h</translation>
    </message>
    <message>
        <source>Files being added; Ctrl+6 shows the upload queue</source>
        <translation>Archivos en recepción; Ctrl+6 muestra la cola de subida</translation>
    </message>
    <message>
        <source>Checking {files}</source>
        <translation>Comprobando {files}</translation>
    </message>
    <message>
        <source>Uploading {current} of {files}</source>
        <translation>Subiendo {current} de {files}</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>&lt;h3&gt;Intake&lt;/h3&gt;&lt;p&gt;Intake starts once the workspace is connected. Files you drop on the window and files in your watched folders are listed here, with their progress, as soon as it has.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Recepción&lt;/h3&gt;&lt;p&gt;La recepción empieza cuando el espacio de trabajo esté conectado. Los archivos que suelte en la ventana y los de sus carpetas vigiladas aparecerán aquí, con su avance, en cuanto lo esté.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Cola</translation>
    </message>
    <message>
        <source>Upload queue</source>
        <translation>Cola de subida</translation>
    </message>
    <message>
        <source>Show fi&amp;nished</source>
        <translation>Mostrar &amp;terminados</translation>
    </message>
    <message>
        <source>C&amp;lear finished</source>
        <translation>&amp;Quitar terminados</translation>
    </message>
    <message>
        <source>Remove finished files from the list (their source files are already dealt with)</source>
        <translation>Quitar de la lista los archivos terminados (sus archivos de origen ya están atendidos)</translation>
    </message>
    <message>
        <source>pause/resume</source>
        <translation>pausar/reanudar</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>cancelar</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>reintentar</translation>
    </message>
    <message>
        <source>retry all failed</source>
        <translation>reintentar todos los fallidos</translation>
    </message>
    <message>
        <source>Paused {files}.</source>
        <translation>En pausa: {files}.</translation>
    </message>
    <message>
        <source>Resumed {files}.</source>
        <translation>Reanudados: {files}.</translation>
    </message>
    <message>
        <source>Only files not yet sent can be paused or resumed.</source>
        <translation>Solo se pueden pausar o reanudar los archivos aún no enviados.</translation>
    </message>
    <message>
        <source> Retry ({key}) takes it again.</source>
        <translation> Reintentar ({key}) lo vuelve a tomar.</translation>
    </message>
    <message>
        <source> Retry ({key}) takes them again.</source>
        <translation> Reintentar ({key}) los vuelve a tomar.</translation>
    </message>
    <message>
        <source>Cancelled {files}.</source>
        <translation>Cancelados: {files}.</translation>
    </message>
    <message>
        <source>Only files not yet sent can be cancelled.</source>
        <translation>Solo se pueden cancelar los archivos aún no enviados.</translation>
    </message>
    <message>
        <source>Trying {files} again.</source>
        <translation>Reintentando: {files}.</translation>
    </message>
    <message>
        <source>Only failed or cancelled files can be retried.</source>
        <translation>Solo se pueden reintentar los archivos fallidos o cancelados.</translation>
    </message>
    <message>
        <source>No upload has failed.</source>
        <translation>No ha fallado ninguna subida.</translation>
    </message>
    <message>
        <source>Cleared {files} from the list.</source>
        <translation>Quitados de la lista: {files}.</translation>
    </message>
    <message>
        <source>No finished upload to clear yet.</source>
        <translation>Aún no hay subidas terminadas que quitar.</translation>
    </message>
    <message>
        <source>Choose files in the upload queue first.</source>
        <translation>Elija primero archivos en la cola de subida.</translation>
    </message>
    <message>
        <source>Watched folders: {folders}</source>
        <translation>Carpetas vigiladas: {folders}</translation>
    </message>
    <message>
        <source>&amp;Unsorted ({count})</source>
        <translation>&amp;Sin clasificar ({count})</translation>
    </message>
</context>
<context>
    <name>KeyBindings</name>
    <message>
        <source>no shortcut</source>
        <translation>sin atajo</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} y {second}</translation>
    </message>
    <message>
        <source>{key} is bound to both {names}.</source>
        <translation>{key} está asignada a la vez a {names}.</translation>
    </message>
    <message>
        <source>Your shortcut for “{title}” could not be read ({problem}). “{title}” keeps {keys}.</source>
        <translation>No se pudo leer su atajo para “{title}” ({problem}). “{title}” mantiene {keys}.</translation>
    </message>
    <message>
        <source>Your shortcut for “{title}” was not applied; it keeps {keys}. You can change it in File ▸ Customize keyboard shortcuts…</source>
        <translation>No se aplicó su atajo para “{title}”; mantiene {keys}. Puede cambiarlo en Archivo ▸ Personalizar atajos de teclado…</translation>
    </message>
</context>
<context>
    <name>KeyRecorderDelegate</name>
    <message>
        <source>Press the new keys; Esc cancels</source>
        <translation>Pulse las teclas nuevas; Esc cancela</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Takes effect when AdvisorOS restarts</source>
        <translation>Se aplica cuando AdvisorOS se reinicia</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>Navigate</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Historial de cambios</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;al abrir&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Conflictos</translation>
    </message>
    <message>
        <source>&amp;Intake</source>
        <translation>&amp;Recepción</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>When a batch of files has been added</source>
        <translation>Cuando se haya agregado un lote de archivos</translation>
    </message>
    <message>
        <source>When a change of yours conflicts with someone else&apos;s</source>
        <translation>Cuando un cambio suyo entre en conflicto con el de otra persona</translation>
    </message>
    <message>
        <source>When a file could not be added</source>
        <translation>Cuando no se haya podido agregar un archivo</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Notification settings are not available.</source>
        <translation>La configuración de notificaciones no está disponible.</translation>
    </message>
    <message>
        <source>Shown by the system while AdvisorOS is in the background, never for what its window shows you already.</source>
        <translation>Las muestra el sistema mientras AdvisorOS está en segundo plano, nunca para lo que su ventana ya le muestra.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Nothing waiting to be sent: the server has every change made here.</source>
        <translation>No hay nada pendiente de enviar: el servidor tiene todos los cambios hechos aquí.</translation>
    </message>
    <message>
        <source>Create {record}</source>
        <translation>Crear {record}</translation>
    </message>
    <message>
        <source>Update {record}</source>
        <translation>Actualizar {record}</translation>
    </message>
    <message>
        <source>Delete {record}</source>
        <translation>Eliminar {record}</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Rechazado por el servidor</translation>
    </message>
    <message>
        <source>{state} (will try again)</source>
        <translation>{state} (se volverá a intentar)</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Cambios pendientes de enviar</translation>
    </message>
    <message>
        <source>&amp;Discard refused change</source>
        <translation>&amp;Descartar el cambio rechazado</translation>
    </message>
    <message>
        <source>Give up this change: its fields go back to the server&apos;s values</source>
        <translation>Renunciar a este cambio: sus campos vuelven a los valores del servidor</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Discard this refused change? {0}. The record goes back to what the server has; this cannot be undone.</source>
        <translation>¿Descartar este cambio rechazado? {0}. El registro vuelve a lo que tiene el servidor; esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>Discard refused change</source>
        <translation>Descartar el cambio rechazado</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>The change could not be discarded: the local database is busy or cannot be written. Nothing was changed; try again in a moment.</source>
        <translation>No se pudo descartar el cambio: la base de datos local está ocupada o no se puede escribir. No se cambió nada; vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>Showing {0} of {1} changes; the others are waiting in the same order.</source>
        <translation>Se muestran {0} de {1} cambios; los demás esperan en el mismo orden.</translation>
    </message>
</context>
<context>
    <name>OutboxTableModel</name>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
</context>
<context>
    <name>PageRenderer</name>
    <message>
        <source>the document has {count} pages, not {page}</source>
        <translation>el documento tiene {count} páginas, no {page}</translation>
    </message>
    <message>
        <source>the file is neither a PDF nor an image that can be shown ({problem})</source>
        <translation>el archivo no es un PDF ni una imagen que se pueda mostrar ({problem})</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>an Office lock file</source>
        <translation>un archivo de bloqueo de Office</translation>
    </message>
    <message>
        <source>a temporary file</source>
        <translation>un archivo temporal</translation>
    </message>
    <message>
        <source>a partial download</source>
        <translation>una descarga incompleta</translation>
    </message>
    <message>
        <source>an editor&apos;s temporary file</source>
        <translation>un archivo temporal de un editor</translation>
    </message>
    <message>
        <source>a backup copy</source>
        <translation>una copia de seguridad</translation>
    </message>
    <message>
        <source>a Windows thumbnail cache</source>
        <translation>una caché de miniaturas de Windows</translation>
    </message>
    <message>
        <source>a Windows folder setting</source>
        <translation>una configuración de carpeta de Windows</translation>
    </message>
    <message>
        <source>a macOS folder icon</source>
        <translation>un icono de carpeta de macOS</translation>
    </message>
    <message>
        <source>an intake error report</source>
        <translation>un informe de error de la recepción</translation>
    </message>
    <message>
        <source>a hidden file</source>
        <translation>un archivo oculto</translation>
    </message>
    <message>
        <source>The file was moved or deleted before it was sent. Add it again if it should still be uploaded.</source>
        <translation>El archivo se movió o se eliminó antes de enviarse. Vuelva a agregarlo si todavía hay que subirlo.</translation>
    </message>
    <message>
        <source>The file changed after it was checked; checking it again.</source>
        <translation>El archivo cambió después de comprobarse; se está comprobando de nuevo.</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>Esperando al servidor</translation>
    </message>
    <message>
        <source>Waiting for you to sign in to AdvisorOS.</source>
        <translation>Esperando a que inicie sesión en AdvisorOS.</translation>
    </message>
    <message>
        <source>Choose a client for this file.</source>
        <translation>Elija un cliente para este archivo.</translation>
    </message>
    <message>
        <source>Sync is paused.</source>
        <translation>La sincronización está en pausa.</translation>
    </message>
    <message>
        <source>Sign in to AdvisorOS to continue.</source>
        <translation>Inicie sesión en AdvisorOS para continuar.</translation>
    </message>
    <message>
        <source>the address is not a valid http:// or https:// URL</source>
        <translation>la dirección no es una URL http:// o https:// válida</translation>
    </message>
    <message>
        <source>connecting timed out</source>
        <translation>se agotó el tiempo de conexión</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>el servidor no respondió a tiempo</translation>
    </message>
    <message>
        <source>the connection was closed before the server answered</source>
        <translation>la conexión se cerró antes de que respondiera el servidor</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>conexión rechazada</translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation>la conexión se restableció</translation>
    </message>
    <message>
        <source>the server&apos;s name could not be found</source>
        <translation>no se encontró el nombre del servidor</translation>
    </message>
    <message>
        <source>Cannot reach the AdvisorOS server at {url}: {why}</source>
        <translation>No se puede conectar con el servidor de AdvisorOS en {url}: {why}</translation>
    </message>
    <message>
        <source>Cannot reach the AdvisorOS server: no server address is set ({why})</source>
        <translation>No se puede conectar con el servidor de AdvisorOS: no hay dirección de servidor ({why})</translation>
    </message>
    <message>
        <source>folder &apos;{folder}&apos; matches no client</source>
        <translation>la carpeta &apos;{folder}&apos; no coincide con ningún cliente</translation>
    </message>
    <message>
        <source>folder &apos;{folder}&apos; is ambiguous: {client} ({score}) or {rival} ({rival_score})</source>
        <translation>la carpeta &apos;{folder}&apos; es ambigua: {client} ({score}) o {rival} ({rival_score})</translation>
    </message>
    <message>
        <source>folder &apos;{folder}&apos; matches client {client} ({score})</source>
        <translation>la carpeta &apos;{folder}&apos; coincide con el cliente {client} ({score})</translation>
    </message>
</context>
<context>
    <name>RecordItemDelegate</name>
    <message>
        <source>The change was not saved.</source>
        <translation>No se guardó el cambio.</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vacío</translation>
    </message>
    <message>
        <source>Meanwhile this changed to “{value}”. Enter saves yours; Esc keeps it.</source>
        <translation>Mientras tanto esto cambió a “{value}”. Intro guarda el suyo; Esc lo conserva.</translation>
    </message>
    <message>
        <source>Not saved: {problem} Press F2 to go back to what you typed.</source>
        <translation>No se guardó: {problem} Pulse F2 para volver a lo que escribió.</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Unnamed user</source>
        <translation>Usuario sin nombre</translation>
    </message>
    <message>
        <source>Unnamed client</source>
        <translation>Cliente sin nombre</translation>
    </message>
    <message>
        <source>Unnamed engagement</source>
        <translation>Encargo sin nombre</translation>
    </message>
    <message>
        <source>Unnamed task</source>
        <translation>Tarea sin título</translation>
    </message>
    <message>
        <source>Unnamed document</source>
        <translation>Documento sin nombre</translation>
    </message>
    <message>
        <source>Unnamed extraction</source>
        <translation>Extracción sin nombre</translation>
    </message>
    <message>
        <source>A user no longer here</source>
        <translation>Un usuario que ya no está</translation>
    </message>
    <message>
        <source>A client no longer here</source>
        <translation>Un cliente que ya no está</translation>
    </message>
    <message>
        <source>An engagement no longer here</source>
        <translation>Un encargo que ya no está</translation>
    </message>
    <message>
        <source>A task no longer here</source>
        <translation>Una tarea que ya no está</translation>
    </message>
    <message>
        <source>A document no longer here</source>
        <translation>Un documento que ya no está</translation>
    </message>
    <message>
        <source>An extraction no longer here</source>
        <translation>Una extracción que ya no está</translation>
    </message>
    <message>
        <source>Extraction of {document}</source>
        <translation>Extracción de {document}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Today {time}</source>
        <translation>Hoy {time}</translation>
    </message>
    <message>
        <source>Yesterday {time}</source>
        <translation>Ayer {time}</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>{day} {time}</source>
        <translation>{day} {time}</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Changed here; not on the server yet</source>
        <translation>Cambiado aquí; aún no está en el servidor</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Filter {title}  ( / )</source>
        <translation>Filtrar {title}  ( / )</translation>
    </message>
    <message>
        <source>Filter {title}</source>
        <translation>Filtrar {title}</translation>
    </message>
    <message>
        <source>{title} of {caption}</source>
        <translation>{title} de {caption}</translation>
    </message>
    <message>
        <source>{count} shown</source>
        <translation>{count} en la lista</translation>
    </message>
</context>
<context>
    <name>ReviewFields</name>
    <message>
        <source>Every field has been looked at.</source>
        <translation>Se revisaron todos los campos.</translation>
    </message>
</context>
<context>
    <name>ReviewInput</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{label} is a check box: type Yes or No.</source>
        <translation>{label} es una casilla: escriba Sí o No.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Connect to change the firm&apos;s threshold.</source>
        <translation>Conéctese para cambiar el umbral de la firma.</translation>
    </message>
    <message>
        <source>Only the firm&apos;s owner or an administrator can change the firm&apos;s settings.</source>
        <translation>Solo el propietario de la firma o un administrador pueden cambiar la configuración de la firma.</translation>
    </message>
    <message>
        <source>The firm&apos;s setting: it applies to everyone, from the next document extracted.</source>
        <translation>Es una configuración de la firma: se aplica a todos, a partir del próximo documento extraído.</translation>
    </message>
    <message>
        <source>The server could not be reached, so the firm&apos;s threshold was not changed.</source>
        <translation>No se pudo conectar con el servidor, así que no se cambió el umbral de la firma.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Review threshold, in percent</source>
        <translation>Umbral de revisión, en porcentaje</translation>
    </message>
    <message>
        <source>Review &amp;threshold:</source>
        <translation>&amp;Umbral de revisión:</translation>
    </message>
    <message>
        <source>Why the threshold was not changed</source>
        <translation>Por qué no se cambió el umbral</translation>
    </message>
    <message>
        <source>A field AdvisorOS reads with less confidence than this puts its document on the Review list, and is flagged there. From 50 % (trust the reading more) to 100 % (a person looks at every field).</source>
        <translation>Un campo que AdvisorOS lee con menos confianza que esta pone su documento en la lista de Revisión, donde queda marcado. De 50 % (confiar más en la lectura) a 100 % (una persona revisa cada campo).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>The firm&apos;s threshold was not changed: {error}</source>
        <translation>No se cambió el umbral de la firma: {error}</translation>
    </message>
    <message>
        <source>{percent} % was not saved.</source>
        <translation>No se guardó {percent} %.</translation>
    </message>
    <message>
        <source>Saved: documents extracted from now on are judged by {percent} %.</source>
        <translation>Guardado: los documentos extraídos a partir de ahora se juzgan con {percent} %.</translation>
    </message>
    <message>
        <source>The review threshold “{typed}” was not sent: {problem}</source>
        <translation>No se envió el umbral de revisión “{typed}”: {problem}</translation>
    </message>
</context>
<context>
    <name>ReviewPreview</name>
    <message>
        <source>Document preview</source>
        <translation>Vista previa del documento</translation>
    </message>
    <message>
        <source>The page cannot be shown: %1</source>
        <translation>No se puede mostrar la página: %1</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>The document&apos;s file is not on this computer yet; it will show once the server is reachable.</source>
        <translation>El archivo del documento aún no está en este equipo; se mostrará cuando se pueda conectar con el servidor.</translation>
    </message>
    <message>
        <source>Tab next · Enter accept · type to correct · Esc put back · N next to check · Ctrl+Enter approve</source>
        <translation>Tab siguiente · Intro aceptar · escriba para corregir · Esc restaurar · N siguiente por revisar · Ctrl+Intro aprobar</translation>
    </message>
    <message>
        <source>{n} field</source>
        <translation>{n} campo</translation>
    </message>
    <message>
        <source>{n} fields</source>
        <translation>{n} campos</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>Nada que revisar</translation>
    </message>
    <message>
        <source>This document has no extracted fields yet.</source>
        <translation>Este documento aún no tiene campos extraídos.</translation>
    </message>
    <message>
        <source>The document&apos;s file has no checksum; it cannot be shown.</source>
        <translation>El archivo del documento no tiene suma de verificación; no se puede mostrar.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>%1 next page, %2 previous</source>
        <translation>%1 página siguiente, %2 anterior</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>not approved yet</source>
        <translation>aún sin aprobar</translation>
    </message>
    <message>
        <source>{percent} % sure</source>
        <translation>{percent} % de confianza</translation>
    </message>
    <message>
        <source>{n} to check</source>
        <translation>{n} por revisar</translation>
    </message>
    <message>
        <source>you</source>
        <translation>usted</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>un colega</translation>
    </message>
    <message>
        <source>{form} of {file}</source>
        <translation>{form} de {file}</translation>
    </message>
</context>
<context>
    <name>RuleDraft</name>
    <message>
        <source>&apos;{text}&apos; is not a tax year; type a year from {first} to {last}, or leave it empty.</source>
        <translation>&apos;{text}&apos; no es un año fiscal; escriba un año de {first} a {last}, o déjelo vacío.</translation>
    </message>
</context>
<context>
    <name>RuleSuggestionBar</name>
    <message>
        <source>{n} unsorted file it fits went there now.</source>
        <translation>{n} archivo sin clasificar que encaja se envió allí ahora.</translation>
    </message>
    <message>
        <source>{n} unsorted files it fits went there now.</source>
        <translation>{n} archivos sin clasificar que encajan se enviaron allí ahora.</translation>
    </message>
    <message>
        <source>Always send {pattern} to {client}?</source>
        <translation>¿Enviar siempre {pattern} a {client}?</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>el cliente</translation>
    </message>
    <message>
        <source>Rule added: files named {pattern} go to {client}.</source>
        <translation>Regla agregada: los archivos llamados {pattern} van a {client}.</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>&amp;Agregar regla</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Agregar regla</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Pattern</source>
        <translation>Patrón</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
</context>
<context>
    <name>SelectionCommands</name>
    <message>
        <source>Copied {n} rows for Excel.</source>
        <translation>Filas copiadas para Excel: {n}.</translation>
    </message>
    <message>
        <source>Set {label} of {what}</source>
        <translation>Cambiar {label} de {what}</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <source>you@yourfirm.com</source>
        <translation>usted@sufirma.com</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Dirección del servidor:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>C&amp;ontraseña:</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problema al iniciar sesión</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de configuración</translation>
    </message>
    <message>
        <source>Close the settings without it?</source>
        <translation>¿Cerrar la configuración sin eso?</translation>
    </message>
    <message>
        <source>Settings Not Saved</source>
        <translation>Configuración sin guardar</translation>
    </message>
    <message>
        <source>Close without it</source>
        <translation>Cerrar sin eso</translation>
    </message>
</context>
<context>
    <name>ShortcutSettingsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Filter by command, category or key</source>
        <translation>Filtrar por comando, categoría o tecla</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Filtrar atajos</translation>
    </message>
    <message>
        <source>Enter or F2: record new keys for the selected command · Backspace or Delete: remove them · Esc: cancel recording</source>
        <translation>Intro o F2: grabar teclas nuevas para el comando seleccionado · Retroceso o Supr: quitarlas · Esc: cancelar la grabación</translation>
    </message>
    <message>
        <source>&amp;Record…</source>
        <translation>&amp;Grabar…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Reset to &amp;default</source>
        <translation>Volver al &amp;predeterminado</translation>
    </message>
    <message>
        <source>Reset &amp;all</source>
        <translation>Restablecer &amp;todo</translation>
    </message>
    <message>
        <source>Commands and their keys</source>
        <translation>Comandos y sus teclas</translation>
    </message>
</context>
<context>
    <name>ShortcutsPage</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Each change applies as soon as no two commands share a key.</source>
        <translation>Cada cambio se aplica en cuanto no haya dos comandos con la misma tecla.</translation>
    </message>
    <message>
        <source>Not saved while two commands share a key; the shortcuts saved before still work.</source>
        <translation>No se guarda mientras dos comandos compartan una tecla; los atajos guardados antes siguen funcionando.</translation>
    </message>
    <message>
        <source>Saved. The new keys work now.</source>
        <translation>Guardado. Las teclas nuevas ya funcionan.</translation>
    </message>
    <message>
        <source>Your shortcut changes were not saved: {clash}</source>
        <translation>No se guardaron sus cambios de atajos: {clash}</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Enter the address of your firm&apos;s AdvisorOS server, such as {example}.</source>
        <translation>Escriba la dirección del servidor de AdvisorOS de su firma, como {example}.</translation>
    </message>
    <message>
        <source>The server address cannot contain spaces.</source>
        <translation>La dirección del servidor no puede contener espacios.</translation>
    </message>
    <message>
        <source>“{scheme}://” is not a web address. Use an https:// address, such as {example}.</source>
        <translation>“{scheme}://” no es una dirección web. Use una dirección https://, como {example}.</translation>
    </message>
    <message>
        <source>Leave your email and password out of the address; type them in their own boxes.</source>
        <translation>No ponga su correo ni su contraseña en la dirección; escríbalos en sus propios cuadros.</translation>
    </message>
    <message>
        <source>The server address cannot contain “?” or “#”. Type only the server&apos;s address, such as {example}.</source>
        <translation>La dirección del servidor no puede contener “?” ni “#”. Escriba solo la dirección del servidor, como {example}.</translation>
    </message>
    <message>
        <source>“{typed}” has no valid server name. Try {example}.</source>
        <translation>“{typed}” no tiene un nombre de servidor válido. Pruebe con {example}.</translation>
    </message>
    <message>
        <source>The port number in the address must be between 1 and 65535.</source>
        <translation>El número de puerto de la dirección debe estar entre 1 y 65535.</translation>
    </message>
    <message>
        <source>Use https:// for a server on the network: AdvisorOS sends your password only over an encrypted connection. (http:// is accepted only for a server on this computer, such as http://localhost:8000.)</source>
        <translation>Use https:// para un servidor en la red: AdvisorOS envía su contraseña solo por una conexión cifrada. (http:// se acepta solo para un servidor en este equipo, como http://localhost:8000.)</translation>
    </message>
    <message>
        <source>Enter the email address you sign in with.</source>
        <translation>Escriba el correo electrónico con el que inicia sesión.</translation>
    </message>
    <message>
        <source>“{email}” is not an email address.</source>
        <translation>“{email}” no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <source>Could not reach {address} — check the address and your connection. (The connection failed.)</source>
        <translation>No se pudo conectar con {address}: revise la dirección y su conexión. (La conexión falló.)</translation>
    </message>
    <message>
        <source>Could not reach {address} — check the address and your connection. (No server by that name was found.)</source>
        <translation>No se pudo conectar con {address}: revise la dirección y su conexión. (No se encontró ningún servidor con ese nombre.)</translation>
    </message>
    <message>
        <source>Could not reach {address} — check the address and your connection. (Nothing answered at that address and port.)</source>
        <translation>No se pudo conectar con {address}: revise la dirección y su conexión. (Nada respondió en esa dirección y puerto.)</translation>
    </message>
    <message>
        <source>Could not reach {address} — check the address and your connection. (The server did not answer in time.)</source>
        <translation>No se pudo conectar con {address}: revise la dirección y su conexión. (El servidor no respondió a tiempo.)</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted by this computer ({why}). Your password was not sent. If your firm uses a certificate of its own, ask whoever looks after your computers to install it, then try again.</source>
        <translation>Este equipo no confía en el certificado del servidor ({why}). No se envió su contraseña. Si su firma usa un certificado propio, pida a quien administra sus equipos que lo instale y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>A secure connection to {address} could not be set up. Check the address: the server may not use https:// there.</source>
        <translation>No se pudo establecer una conexión segura con {address}. Revise la dirección: puede que el servidor no use https:// allí.</translation>
    </message>
    <message>
        <source>The server at {address} cannot answer right now (HTTP {status}). Try again in a few minutes.</source>
        <translation>El servidor en {address} no puede responder ahora (HTTP {status}). Vuelva a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>{address} answered, but it is not an AdvisorOS server. Check the address (your firm&apos;s administrator can give it to you).</source>
        <translation>{address} respondió, pero no es un servidor de AdvisorOS. Revise la dirección (el administrador de su firma se la puede dar).</translation>
    </message>
    <message>
        <source>{address} sends visitors to another address. Type the AdvisorOS server&apos;s own address (your firm&apos;s administrator can give it to you).</source>
        <translation>{address} redirige a otra dirección. Escriba la dirección propia del servidor de AdvisorOS (el administrador de su firma se la puede dar).</translation>
    </message>
    <message>
        <source>The email or password is not right.</source>
        <translation>El correo o la contraseña no son correctos.</translation>
    </message>
    <message>
        <source>{server_says} Ask your firm&apos;s AdvisorOS administrator to enable it.</source>
        <translation>{server_says} Pida al administrador de AdvisorOS de su firma que lo habilite.</translation>
    </message>
    <message>
        <source>The server refused the sign-in: {server_says}</source>
        <translation>El servidor rechazó el inicio de sesión: {server_says}</translation>
    </message>
    <message>
        <source>That signed in as {signed_in_as}, not {user}. To open another account, use File → Switch account….</source>
        <translation>Eso inició sesión como {signed_in_as}, no como {user}. Para abrir otra cuenta, use Archivo → Cambiar de cuenta….</translation>
    </message>
    <message>
        <source>Signing in to {address} failed: {error}</source>
        <translation>Falló el inicio de sesión en {address}: {error}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>on %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>on %1, open now</source>
        <translation>en %1, abierta ahora</translation>
    </message>
    <message>
        <source>&amp;Local workspace on this computer</source>
        <translation>Espacio de trabajo &amp;local en este equipo</translation>
    </message>
    <message>
        <source>Your records stay on this computer; no server or account is needed.</source>
        <translation>Sus registros se quedan en este equipo; no hace falta servidor ni cuenta.</translation>
    </message>
    <message>
        <source>Fill it with &amp;demo data</source>
        <translation>Llenarlo con datos de &amp;demostración</translation>
    </message>
    <message>
        <source>Adds the fictional Demo CPA Firm: clients, engagements, tasks and documents.</source>
        <translation>Agrega la firma ficticia Demo CPA Firm: clientes, encargos, tareas y documentos.</translation>
    </message>
    <message>
        <source>%1 (open now)</source>
        <translation>%1 (abierta ahora)</translation>
    </message>
    <message>
        <source>Local workspace on this computer</source>
        <translation>Espacio de trabajo local en este equipo</translation>
    </message>
    <message>
        <source>&amp;Connect to another AdvisorOS server</source>
        <translation>&amp;Conectarse a otro servidor de AdvisorOS</translation>
    </message>
    <message>
        <source>&amp;Connect to an AdvisorOS server</source>
        <translation>&amp;Conectarse a un servidor de AdvisorOS</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Volver a iniciar sesión</translation>
    </message>
    <message>
        <source>The server asked for your password again. Your changes that are not sent yet stay on this computer and are sent once you are signed in.</source>
        <translation>El servidor volvió a pedir su contraseña. Los cambios que aún no se enviaron se quedan en este equipo y se enviarán cuando inicie sesión.</translation>
    </message>
    <message>
        <source>Switch account</source>
        <translation>Cambiar de cuenta</translation>
    </message>
    <message>
        <source>Open another account</source>
        <translation>Abrir otra cuenta</translation>
    </message>
    <message>
        <source>Each account keeps its own records on this computer, with any changes not sent yet.</source>
        <translation>Cada cuenta guarda sus propios registros en este equipo, con los cambios que aún no se enviaron.</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <source>Where do you want to work?</source>
        <translation>¿Dónde quiere trabajar?</translation>
    </message>
    <message>
        <source>Open an account used on this computer before, or choose below.</source>
        <translation>Abra una cuenta que ya se usó en este equipo, o elija abajo.</translation>
    </message>
    <message>
        <source>You can connect to your firm&apos;s server later, from the File menu.</source>
        <translation>Puede conectarse más tarde al servidor de su firma desde el menú Archivo.</translation>
    </message>
    <message>
        <source>%1 — AdvisorOS Desktop</source>
        <translation>%1 — AdvisorOS Desktop</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Connecting was stopped; nothing was changed.</source>
        <translation>Se detuvo la conexión; no se cambió nada.</translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly: %1</source>
        <translation>El inicio de sesión falló de forma inesperada: %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync is paused: your changes are kept on this computer and sent when you resume; other people&apos;s changes arrive then too.</source>
        <translation>La sincronización está en pausa: sus cambios se guardan en este equipo y se envían cuando la reanude; los cambios de otras personas también llegarán entonces.</translation>
    </message>
    <message>
        <source>Your changes are sent a moment after you make them.</source>
        <translation>Sus cambios se envían un momento después de hacerlos.</translation>
    </message>
    <message>
        <source>Sync starts once the workspace is connected.</source>
        <translation>La sincronización empieza cuando el espacio de trabajo esté conectado.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>Sync every, in minutes</source>
        <translation>Sincronizar cada, en minutos</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>Sincronizar &amp;cada:</translation>
    </message>
    <message>
        <source>How often AdvisorOS asks the server for other people&apos;s changes, from 1 minute to 1,440 (a day). Press Enter to apply.</source>
        <translation>Cada cuánto AdvisorOS pide al servidor los cambios de otras personas, de 1 minuto a 1.440 (un día). Pulse Intro para aplicarlo.</translation>
    </message>
    <message>
        <source>&amp;Pause sync</source>
        <translation>&amp;Pausar la sincronización</translation>
    </message>
    <message>
        <source>Sync:</source>
        <translation>Sincronización:</translation>
    </message>
    <message>
        <source>The sync interval “{typed}” was not saved: {problem}</source>
        <translation>No se guardó el intervalo de sincronización “{typed}”: {problem}</translation>
    </message>
</context>
<context>
    <name>SyncStatusIndicator</name>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>Sincronización en pausa</translation>
    </message>
    <message>
        <source>Your changes are kept and sent later.</source>
        <translation>Sus cambios se guardan y se enviarán después.</translation>
    </message>
    <message>
        <source>Sign in to send your changes.</source>
        <translation>Inicie sesión para enviar sus cambios.</translation>
    </message>
    <message>
        <source>{n} change to send</source>
        <translation>{n} cambio por enviar</translation>
    </message>
    <message>
        <source>{n} changes to send</source>
        <translation>{n} cambios por enviar</translation>
    </message>
    <message>
        <source>{n} conflict</source>
        <translation>{n} conflicto</translation>
    </message>
    <message>
        <source>{n} conflicts</source>
        <translation>{n} conflictos</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message>
        <source>Last sync time unknown</source>
        <translation>Hora de la última sincronización desconocida</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Sincronizado hace un momento</translation>
    </message>
    <message>
        <source>Synced {n} min ago</source>
        <translation>Sincronizado hace {n} min</translation>
    </message>
    <message>
        <source>Synced {n} h ago</source>
        <translation>Sincronizado hace {n} h</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>Synced on {date}</source>
        <translation>Sincronizado el {date}</translation>
    </message>
    <message>
        <source>Show the conflicts to decide</source>
        <translation>Ver los conflictos por decidir</translation>
    </message>
    <message>
        <source>Sync status: {0}</source>
        <translation>Estado de la sincronización: {0}</translation>
    </message>
    <message>
        <source>Last sync: {0}</source>
        <translation>Última sincronización: {0}</translation>
    </message>
    <message>
        <source>Click, or press Enter, to see the changes waiting to be sent.</source>
        <translation>Haga clic, o pulse Intro, para ver los cambios pendientes de enviar.</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Same as the computer</source>
        <translation>Igual que el equipo</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>{n} conflict needs you</source>
        <translation>{n} conflicto requiere su atención</translation>
    </message>
    <message>
        <source>{n} conflicts need you</source>
        <translation>{n} conflictos requieren su atención</translation>
    </message>
    <message>
        <source>{n} file could not be added</source>
        <translation>No se pudo agregar {n} archivo</translation>
    </message>
    <message>
        <source>{n} files could not be added</source>
        <translation>No se pudieron agregar {n} archivos</translation>
    </message>
    <message>
        <source>{n} file needs a client</source>
        <translation>{n} archivo necesita un cliente</translation>
    </message>
    <message>
        <source>{n} files need a client</source>
        <translation>{n} archivos necesitan un cliente</translation>
    </message>
    <message>
        <source>{n} change waiting</source>
        <translation>{n} cambio pendiente</translation>
    </message>
    <message>
        <source>{n} changes waiting</source>
        <translation>{n} cambios pendientes</translation>
    </message>
    <message>
        <source>Uploading {n} file</source>
        <translation>Subiendo {n} archivo</translation>
    </message>
    <message>
        <source>Uploading {n} files</source>
        <translation>Subiendo {n} archivos</translation>
    </message>
    <message>
        <source>{n} upload paused</source>
        <translation>{n} subida en pausa</translation>
    </message>
    <message>
        <source>{n} uploads paused</source>
        <translation>{n} subidas en pausa</translation>
    </message>
    <message>
        <source>{n} file added</source>
        <translation>{n} archivo agregado</translation>
    </message>
    <message>
        <source>{n} files added</source>
        <translation>{n} archivos agregados</translation>
    </message>
    <message>
        <source>{n} needs a client.</source>
        <translation>{n} necesita un cliente.</translation>
    </message>
    <message>
        <source>{n} need a client.</source>
        <translation>{n} necesitan un cliente.</translation>
    </message>
    <message>
        <source>{n} was there already.</source>
        <translation>{n} ya estaba.</translation>
    </message>
    <message>
        <source>{n} were there already.</source>
        <translation>{n} ya estaban.</translation>
    </message>
    <message>
        <source>A change needs your decision</source>
        <translation>Un cambio necesita su decisión</translation>
    </message>
    <message>
        <source>{n} changes need your decision</source>
        <translation>{n} cambios necesitan su decisión</translation>
    </message>
    <message>
        <source>Signed out; sign in to send your changes</source>
        <translation>Sesión cerrada; inicie sesión para enviar sus cambios</translation>
    </message>
    <message>
        <source>Offline, {waiting}</source>
        <translation>Sin conexión, {waiting}</translation>
    </message>
    <message>
        <source>Offline; your changes are kept and sent later</source>
        <translation>Sin conexión; sus cambios se guardan y se enviarán después</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Sincronizando</translation>
    </message>
    <message>
        <source>Sync paused, {waiting}</source>
        <translation>Sincronización en pausa, {waiting}</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>Sincronización en pausa</translation>
    </message>
    <message>
        <source>Everything is sent</source>
        <translation>Todo está enviado</translation>
    </message>
    <message>
        <source> to {client}</source>
        <translation> a {client}</translation>
    </message>
    <message>
        <source> to {n} clients</source>
        <translation> a {n} clientes</translation>
    </message>
    <message>
        <source>{n} could not be added.</source>
        <translation>No se pudieron agregar {n}.</translation>
    </message>
    <message>
        <source>Retry them in Intake.</source>
        <translation>Reinténtelos en Recepción.</translation>
    </message>
    <message>
        <source>Some files could not be added</source>
        <translation>No se pudieron agregar algunos archivos</translation>
    </message>
    <message>
        <source>Files could not be added</source>
        <translation>No se pudieron agregar los archivos</translation>
    </message>
    <message>
        <source>Files added</source>
        <translation>Archivos agregados</translation>
    </message>
    <message>
        <source>Files need a client</source>
        <translation>Hay archivos que necesitan un cliente</translation>
    </message>
    <message>
        <source>Nothing new to add</source>
        <translation>Nada nuevo que agregar</translation>
    </message>
    <message>
        <source>no reason was given</source>
        <translation>no se indicó ningún motivo</translation>
    </message>
    <message>
        <source>A file could not be added</source>
        <translation>No se pudo agregar un archivo</translation>
    </message>
    <message>
        <source>{name}: {reason}. Retry it in Intake.</source>
        <translation>{name}: {reason}. Reinténtelo en Recepción.</translation>
    </message>
    <message>
        <source>{names} and {n} more</source>
        <translation>{names} y {n} más</translation>
    </message>
    <message>
        <source>{names}. Retry them in Intake.</source>
        <translation>{names}. Reinténtelos en Recepción.</translation>
    </message>
    <message>
        <source>Someone else changed what you changed. Choose which values to keep in Conflicts.</source>
        <translation>Otra persona cambió lo mismo que usted. Elija qué valores conservar en Conflictos.</translation>
    </message>
    <message>
        <source>{n} conflicts wait in all.</source>
        <translation>{n} conflictos esperan en total.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Open AdvisorOS</source>
        <translation>Abrir AdvisorOS</translation>
    </message>
</context>
<context>
    <name>TriageList</name>
    <message>
        <source>{n} file</source>
        <translation>{n} archivo</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} archivos</translation>
    </message>
    <message>
        <source>Unsorted files</source>
        <translation>Archivos sin clasificar</translation>
    </message>
    <message>
        <source>Choose the client for {name}</source>
        <translation>Elija el cliente de {name}</translation>
    </message>
    <message>
        <source>Choose the client for {files}</source>
        <translation>Elija el cliente de {files}</translation>
    </message>
    <message>
        <source>{sent} sent to their suggested clients; choose a client for {rest}.</source>
        <translation>Enviados a sus clientes sugeridos: {sent}; elija un cliente para {rest}.</translation>
    </message>
    <message>
        <source>the chosen client</source>
        <translation>el cliente elegido</translation>
    </message>
    <message>
        <source>Sending {files} to {client}.</source>
        <translation>Enviando {files} a {client}.</translation>
    </message>
    <message>
        <source>Sending {files} to their suggested clients.</source>
        <translation>Enviando {files} a sus clientes sugeridos.</translation>
    </message>
    <message>
        <source>Files from watched folders whose client is not certain. Enter sends the selected files to the suggested client; type a name or press Ctrl+Enter to choose another.</source>
        <translation>Archivos de carpetas vigiladas cuyo cliente no es seguro. Intro envía los archivos seleccionados al cliente sugerido; escriba un nombre o pulse Ctrl+Intro para elegir otro.</translation>
    </message>
    <message>
        <source>Nothing to sort. Files from watched folders whose client is not certain wait here for you to choose.</source>
        <translation>Nada que clasificar. Los archivos de carpetas vigiladas cuyo cliente no es seguro esperan aquí a que usted elija.</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>Motivo: {reason}</translation>
    </message>
</context>
<context>
    <name>UndoToast</name>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
</context>
<context>
    <name>UploadQueueModel</name>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Agregado</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Suggested client</source>
        <translation>Cliente sugerido</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>No suggestion</source>
        <translation>Sin sugerencia</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} bytes</translation>
    </message>
</context>
<context>
    <name>ValidationBubble</name>
    <message>
        <source>Validation message</source>
        <translation>Mensaje de validación</translation>
    </message>
</context>
<context>
    <name>ValidationMessages</name>
    <message>
        <source>Tax ID must be 9 digits, like 12-3456789 or 123-45-6789.</source>
        <translation>El ID fiscal debe tener 9 dígitos, como 12-3456789 o 123-45-6789.</translation>
    </message>
    <message>
        <source>Pick a user from the list.</source>
        <translation>Elija un usuario de la lista.</translation>
    </message>
    <message>
        <source>Pick a client from the list.</source>
        <translation>Elija un cliente de la lista.</translation>
    </message>
    <message>
        <source>Pick an engagement from the list.</source>
        <translation>Elija un encargo de la lista.</translation>
    </message>
    <message>
        <source>Pick a task from the list.</source>
        <translation>Elija una tarea de la lista.</translation>
    </message>
    <message>
        <source>Pick a document from the list.</source>
        <translation>Elija un documento de la lista.</translation>
    </message>
    <message>
        <source>Pick a record from the list.</source>
        <translation>Elija un registro de la lista.</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} es obligatorio.</translation>
    </message>
    <message>
        <source>{label} must be an email address, like name@example.com.</source>
        <translation>{label} debe ser una dirección de correo electrónico, como nombre@ejemplo.com.</translation>
    </message>
    <message>
        <source>{label} must be a phone number of 7 to 15 digits, like (512) 555-0142.</source>
        <translation>{label} debe ser un número de teléfono de 7 a 15 dígitos, como (512) 555-0142.</translation>
    </message>
    <message>
        <source>{label} must be a date, like {example}.</source>
        <translation>{label} debe ser una fecha, como {example}.</translation>
    </message>
    <message>
        <source>{label} must be one of: {options}.</source>
        <translation>{label} debe ser uno de estos: {options}.</translation>
    </message>
    <message>
        <source>No EIN starts with {prefix}: the IRS does not assign that prefix. Check the number on the client&apos;s IRS letter.</source>
        <translation>Ningún EIN empieza por {prefix}: el IRS no asigna ese prefijo. Revise el número en la carta del IRS del cliente.</translation>
    </message>
    <message>
        <source>No SSN starts with {area}: that area number is never issued.</source>
        <translation>Ningún SSN empieza por {area}: ese número de área nunca se emite.</translation>
    </message>
    <message>
        <source>No SSN has 00 as its middle two digits or 0000 as its last four.</source>
        <translation>Ningún SSN tiene 00 en sus dos dígitos centrales ni 0000 en sus cuatro últimos.</translation>
    </message>
    <message>
        <source>{label} can have at most two decimals (whole cents).</source>
        <translation>{label} puede tener como máximo dos decimales (centavos enteros).</translation>
    </message>
    <message>
        <source>{label} is too large to be an amount of money.</source>
        <translation>{label} es demasiado grande para ser un importe.</translation>
    </message>
    <message>
        <source>{label} must be an amount, like 1,250.00.</source>
        <translation>{label} debe ser un importe, como 1,250.00.</translation>
    </message>
    <message>
        <source>{label} must be between {low} and {high}.</source>
        <translation>{label} debe estar entre {low} y {high}.</translation>
    </message>
    <message>
        <source>{label} must be a year, like 2025.</source>
        <translation>{label} debe ser un año, como 2025.</translation>
    </message>
    <message>
        <source>{label} must be a whole number, like 1200.</source>
        <translation>{label} debe ser un número entero, como 1200.</translation>
    </message>
    <message>
        <source>{label} must be a number, like 0.95.</source>
        <translation>{label} debe ser un número, como 0.95.</translation>
    </message>
    <message>
        <source>{label} is too long: {typed} characters, at most {most}.</source>
        <translation>{label} es demasiado largo: {typed} caracteres, como máximo {most}.</translation>
    </message>
    <message>
        <source>{label} contains an invisible NUL character, which cannot be saved.</source>
        <translation>{label} contiene un carácter NUL invisible, que no se puede guardar.</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Encargos</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
</context>
<context>
    <name>WatchedFolderEditor</name>
    <message>
        <source>Mo&amp;ve to .processed</source>
        <translation>&amp;Mover a .processed</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>&amp;Leave in place</source>
        <translation>&amp;Dejar donde está</translation>
    </message>
    <message>
        <source>Uploaded files go to .processed/&lt;date&gt;/ inside this folder, once the server has confirmed it has them.</source>
        <translation>Los archivos subidos van a .processed/&lt;fecha&gt;/ dentro de esta carpeta, una vez que el servidor confirma que los tiene.</translation>
    </message>
    <message>
        <source>Uploaded files are deleted, but only after the server has confirmed it has the file; a file that failed is never deleted.</source>
        <translation>Los archivos subidos se eliminan, pero solo después de que el servidor confirme que tiene el archivo; un archivo que falló nunca se elimina.</translation>
    </message>
    <message>
        <source>Uploaded files stay where they are; AdvisorOS remembers them and does not take them again.</source>
        <translation>Los archivos subidos se quedan donde están; AdvisorOS los recuerda y no los vuelve a tomar.</translation>
    </message>
    <message>
        <source>&amp;Network share</source>
        <translation>Recur&amp;so de red</translation>
    </message>
    <message>
        <source>Check every</source>
        <translation>Comprobar cada</translation>
    </message>
    <message>
        <source>— check ever&amp;y</source>
        <translation>— compro&amp;bar cada</translation>
    </message>
    <message>
        <source>Check the folder every few seconds instead of waiting for notifications: network shares often do not send them.</source>
        <translation>Comprobar la carpeta cada pocos segundos en lugar de esperar avisos: los recursos de red a menudo no los envían.</translation>
    </message>
    <message>
        <source>Quiet period</source>
        <translation>Período de calma</translation>
    </message>
    <message>
        <source>A file is taken once its size and time have not changed for this long, so a scan still being written is never taken half-way.</source>
        <translation>Un archivo se toma cuando su tamaño y su hora no han cambiado durante este tiempo, así nunca se toma a medias un escaneo que aún se está escribiendo.</translation>
    </message>
    <message>
        <source>All files go to client</source>
        <translation>Todos los archivos van al cliente</translation>
    </message>
    <message>
        <source>None: routed file by file</source>
        <translation>Ninguno: se dirige archivo por archivo</translation>
    </message>
    <message>
        <source>Checking:</source>
        <translation>Comprobación:</translation>
    </message>
    <message>
        <source>&amp;Quiet period:</source>
        <translation>Perí&amp;odo de calma:</translation>
    </message>
    <message>
        <source>After upload:</source>
        <translation>Después de subir:</translation>
    </message>
    <message>
        <source>All files go to &amp;client:</source>
        <translation>Todos los archivos van al c&amp;liente:</translation>
    </message>
    <message>
        <source>No folder selected.</source>
        <translation>No hay ninguna carpeta seleccionada.</translation>
    </message>
</context>
<context>
    <name>WatchedFoldersDialog</name>
    <message>
        <source>No folder is watched yet. Add the folder your scanner or “print to PDF” saves into; every file that appears there is uploaded to the right client.</source>
        <translation>Aún no se vigila ninguna carpeta. Agregue la carpeta donde guarda su escáner o «imprimir a PDF»; cada archivo que aparezca allí se subirá al cliente correcto.</translation>
    </message>
    <message>
        <source>{folder} is where AdvisorOS keeps its own data ({data}). Choose the folder your scanner or “print to PDF” saves into.</source>
        <translation>{folder} es donde AdvisorOS guarda sus propios datos ({data}). Elija la carpeta donde guarda su escáner o «imprimir a PDF».</translation>
    </message>
    <message>
        <source>{folder} contains the folder where AdvisorOS keeps its own data ({data}), so AdvisorOS would upload its own files. Choose the folder your scanner or “print to PDF” saves into.</source>
        <translation>{folder} contiene la carpeta donde AdvisorOS guarda sus propios datos ({data}), así que AdvisorOS subiría sus propios archivos. Elija la carpeta donde guarda su escáner o «imprimir a PDF».</translation>
    </message>
    <message>
        <source>{folder} is already watched.</source>
        <translation>{folder} ya está vigilada.</translation>
    </message>
    <message>
        <source>{folder} is inside {watched}, which is already watched: its files are taken from there already.</source>
        <translation>{folder} está dentro de {watched}, que ya está vigilada: sus archivos ya se toman desde allí.</translation>
    </message>
    <message>
        <source>{folder} contains {watched}, which is already watched, so its files would be taken twice. Remove {watched} first to watch all of {folder}.</source>
        <translation>{folder} contiene {watched}, que ya está vigilada, así que sus archivos se tomarían dos veces. Quite primero {watched} para vigilar todo {folder}.</translation>
    </message>
    <message>
        <source>Watched Folders</source>
        <translation>Carpetas vigiladas</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>&amp;Carpetas</translation>
    </message>
    <message>
        <source>Filename &amp;rules</source>
        <translation>&amp;Reglas de nombre de archivo</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>Carpetas vigiladas</translation>
    </message>
    <message>
        <source>&amp;Watched folders:</source>
        <translation>Carpe&amp;tas vigiladas:</translation>
    </message>
    <message>
        <source>&amp;Add folder…</source>
        <translation>&amp;Agregar carpeta…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>Space: pause or resume · Delete: remove</source>
        <translation>Espacio: pausar o reanudar · Supr: quitar</translation>
    </message>
    <message>
        <source>Choose a folder to watch</source>
        <translation>Elija una carpeta para vigilar</translation>
    </message>
    <message>
        <source>Stop watching {path}?

The files already in it stay where they are; nothing there is moved or deleted.</source>
        <translation>¿Dejar de vigilar {path}?

Los archivos que ya contiene se quedan donde están; nada se mueve ni se elimina.</translation>
    </message>
    <message>
        <source>Remove Watched Folder</source>
        <translation>Quitar carpeta vigilada</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>Dejar de vigilar</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Rea&amp;nudar</translation>
    </message>
</context>
<context>
    <name>WindowIntake</name>
    <message>
        <source>The client of the current document ({caption}).</source>
        <translation>El cliente del documento actual ({caption}).</translation>
    </message>
    <message>
        <source>The client of the current engagement ({caption}).</source>
        <translation>El cliente del encargo actual ({caption}).</translation>
    </message>
    <message>
        <source>The client of the current task ({caption}).</source>
        <translation>El cliente de la tarea actual ({caption}).</translation>
    </message>
    <message>
        <source>The client of the current record ({caption}).</source>
        <translation>El cliente del registro actual ({caption}).</translation>
    </message>
    <message>
        <source>{n} file</source>
        <translation>{n} archivo</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} archivos</translation>
    </message>
    <message>
        <source>The client in view.</source>
        <translation>El cliente a la vista.</translation>
    </message>
    <message>
        <source>The client of the engagement in view.</source>
        <translation>El cliente del encargo a la vista.</translation>
    </message>
    <message>
        <source>The client selected in the list.</source>
        <translation>El cliente seleccionado en la lista.</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Agregar archivos</translation>
    </message>
    <message>
        <source>Add a folder of files</source>
        <translation>Agregar una carpeta de archivos</translation>
    </message>
    <message>
        <source>Watched folders cannot be set up in this version.</source>
        <translation>Las carpetas vigiladas no se pueden configurar en esta versión.</translation>
    </message>
    <message>
        <source>Pausing {files}.</source>
        <translation>Pausando: {files}.</translation>
    </message>
    <message>
        <source>Nothing is uploading; nothing to pause.</source>
        <translation>No se está subiendo nada; no hay nada que pausar.</translation>
    </message>
    <message>
        <source>Resuming {files}.</source>
        <translation>Reanudando: {files}.</translation>
    </message>
    <message>
        <source>No upload is paused.</source>
        <translation>No hay ninguna subida en pausa.</translation>
    </message>
</context>
<context>
    <name>WindowReview</name>
    <message>
        <source>This document has no extracted fields yet.</source>
        <translation>Este documento aún no tiene campos extraídos.</translation>
    </message>
    <message>
        <source>The review opens once the workspace is connected; try again in a moment.</source>
        <translation>La revisión se abre cuando el espacio de trabajo esté conectado; vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>Your user is not in this computer&apos;s copy yet; sync, then open the document again.</source>
        <translation>Su usuario aún no está en la copia de este equipo; sincronice y vuelva a abrir el documento.</translation>
    </message>
    <message>
        <source>That was the last document to review.</source>
        <translation>Ese era el último documento por revisar.</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>or</source>
        <translation>o</translation>
    </message>
</context>
</TS>
