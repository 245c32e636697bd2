<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AccountChanges</name>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Signed in again; your changes are being sent.</source>
        <translation>Signed in again; your changes are being sent.</translation>
    </message>
    <message>
        <source>Signed out: your changes wait on this computer. Use File → Sign in again… to send them.</source>
        <translation>Signed out: your changes wait on this computer. Use File → Sign in again… to send them.</translation>
    </message>
    <message>
        <source>Changing account failed: {error}</source>
        <translation>Changing account failed: {error}</translation>
    </message>
</context>
<context>
    <name>AccountCommands</name>
    <message>
        <source>{n} change not sent to the server yet</source>
        <translation>{n} change not sent to the server yet</translation>
    </message>
    <message>
        <source>{n} changes not sent to the server yet</source>
        <translation>{n} changes not sent to the server yet</translation>
    </message>
    <message>
        <source>{n} file not uploaded yet</source>
        <translation>{n} file not uploaded yet</translation>
    </message>
    <message>
        <source>{n} files not uploaded yet</source>
        <translation>{n} files not uploaded yet</translation>
    </message>
</context>
<context>
    <name>AddFilesDialog</name>
    <message>
        <source>{n} file</source>
        <translation>{n} file</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} files</translation>
    </message>
    <message>
        <source>all {kind}</source>
        <translation>all {kind}</translation>
    </message>
    <message>
        <source>others: {n}</source>
        <translation>others: {n}</translation>
    </message>
    <message>
        <source>no hint: {n}</source>
        <translation>no hint: {n}</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Add files</translation>
    </message>
    <message>
        <source>Filename rules send every file to this client.</source>
        <translation>Filename rules send every file to this client.</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Client:</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ca&amp;tegory:</translation>
    </message>
    <message>
        <source>Tax &amp;year:</source>
        <translation>Tax &amp;year:</translation>
    </message>
    <message>
        <source>&amp;Add files</source>
        <translation>&amp;Add files</translation>
    </message>
    <message>
        <source>Add {files} ({size})</source>
        <translation>Add {files} ({size})</translation>
    </message>
    <message>
        <source>From {names}</source>
        <translation>From {names}</translation>
    </message>
    <message>
        <source>{files} will be skipped ({why}).</source>
        <translation>{files} will be skipped ({why}).</translation>
    </message>
    <message>
        <source>Infer from each file ({found})</source>
        <translation>Infer from each file ({found})</translation>
    </message>
    <message>
        <source>none found: General</source>
        <translation>none found: General</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>none found</translation>
    </message>
    <message>
        <source>Which client are these files for?</source>
        <translation>Which client are these files for?</translation>
    </message>
    <message>
        <source>By filename rules</source>
        <translation>By filename rules</translation>
    </message>
    <message>
        <source>Each file goes to the client its rule names: {clients}.</source>
        <translation>Each file goes to the client its rule names: {clients}.</translation>
    </message>
    <message>
        <source>No client in view: choose one.</source>
        <translation>No client in view: choose one.</translation>
    </message>
    <message>
        <source>Choose the client these files belong to.</source>
        <translation>Choose the client these files belong to.</translation>
    </message>
</context>
<context>
    <name>AddFilesFlow</name>
    <message>
        <source>Finish adding the files in the open dialog first.</source>
        <translation>Finish adding the files in the open dialog first.</translation>
    </message>
    <message>
        <source>Looking at the files…</source>
        <translation>Looking at the files…</translation>
    </message>
    <message>
        <source>The files could not be read ({problem}). Nothing was added.</source>
        <translation>The files could not be read ({problem}). Nothing was added.</translation>
    </message>
    <message>
        <source>Nothing to add.</source>
        <translation>Nothing to add.</translation>
    </message>
    <message>
        <source>Nothing to add: {files} skipped ({why}).</source>
        <translation>Nothing to add: {files} skipped ({why}).</translation>
    </message>
    <message>
        <source>Nothing to add: {files} skipped.</source>
        <translation>Nothing to add: {files} skipped.</translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation>Nothing was added.</translation>
    </message>
</context>
<context>
    <name>BindingsModel</name>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Default: {keys}</source>
        <translation>Default: {keys}</translation>
    </message>
    <message>
        <source>{keys} cannot be used as a shortcut.</source>
        <translation>{keys} cannot be used as a shortcut.</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>Set {label}</source>
        <translation>Set {label}</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>Archive {what}</source>
        <translation>Archive {what}</translation>
    </message>
</context>
<context>
    <name>CheatSheetDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>Type to filter shortcuts</source>
        <translation>Type to filter shortcuts</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Filter shortcuts</translation>
    </message>
    <message>
        <source>Esc closes · Keys can be changed in File ▸ Customize keyboard shortcuts…</source>
        <translation>Esc closes · Keys can be changed in File ▸ Customize keyboard shortcuts…</translation>
    </message>
    <message>
        <source>No shortcut matches “{text}”.</source>
        <translation>No shortcut matches “{text}”.</translation>
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
        <translation>Active</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Advisory</source>
        <translation>Advisory</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Bank statement</source>
        <translation>Bank statement</translation>
    </message>
    <message>
        <source>Bookkeeping</source>
        <translation>Bookkeeping</translation>
    </message>
    <message>
        <source>C corporation</source>
        <translation>C corporation</translation>
    </message>
    <message>
        <source>CPA</source>
        <translation>CPA</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Compilation</source>
        <translation>Compilation</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Consulting</source>
        <translation>Consulting</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Drag and drop</source>
        <translation>Drag and drop</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Financial statement</source>
        <translation>Financial statement</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>LLC</source>
        <translation>LLC</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Needs manual review</source>
        <translation>Needs manual review</translation>
    </message>
    <message>
        <source>Nonprofit</source>
        <translation>Nonprofit</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>Partnership</translation>
    </message>
    <message>
        <source>Payroll</source>
        <translation>Payroll</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>S corporation</source>
        <translation>S corporation</translation>
    </message>
    <message>
        <source>Sole proprietorship</source>
        <translation>Sole proprietorship</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Tax preparation</source>
        <translation>Tax preparation</translation>
    </message>
    <message>
        <source>Tax return</source>
        <translation>Tax return</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Trust</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>W-2</source>
        <translation>W-2</translation>
    </message>
    <message>
        <source>Watched folder</source>
        <translation>Watched folder</translation>
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
        <translation>Type to choose a client</translation>
    </message>
    <message>
        <source>Type part of a name, or press Enter or F4, to choose the client</source>
        <translation>Type part of a name, or press Enter or F4, to choose the client</translation>
    </message>
    <message>
        <source>A client no longer in the firm</source>
        <translation>A client no longer in the firm</translation>
    </message>
    <message>
        <source>A client (names not loaded yet)</source>
        <translation>A client (names not loaded yet)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>Cl&amp;ear</translation>
    </message>
    <message>
        <source>No clients are known yet: sync with the server first.</source>
        <translation>No clients are known yet: sync with the server first.</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>{shown} of {n} client match</source>
        <translation>{shown} of {n} client match</translation>
    </message>
    <message>
        <source>{shown} of {n} clients match</source>
        <translation>{shown} of {n} clients match</translation>
    </message>
    <message>
        <source>Choose a client</source>
        <translation>Choose a client</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Client name</translation>
    </message>
    <message>
        <source>Type part of a client&apos;s name</source>
        <translation>Type part of a client&apos;s name</translation>
    </message>
    <message>
        <source>Clients found</source>
        <translation>Clients found</translation>
    </message>
    <message>
        <source>↑ ↓ move · Enter chooses · Esc cancels</source>
        <translation>↑ ↓ move · Enter chooses · Esc cancels</translation>
    </message>
    <message>
        <source>The firm has no clients in this workspace yet.</source>
        <translation>The firm has no clients in this workspace yet.</translation>
    </message>
    <message>
        <source>No client matches; check the spelling.</source>
        <translation>No client matches; check the spelling.</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Run a command or find a client, document, task…</source>
        <translation>Run a command or find a client, document, task…</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Command palette</translation>
    </message>
    <message>
        <source>Commands and records found</source>
        <translation>Commands and records found</translation>
    </message>
    <message>
        <source>Reading clients and documents from this computer…</source>
        <translation>Reading clients and documents from this computer…</translation>
    </message>
    <message>
        <source>No command or record matches “%1”.</source>
        <translation>No command or record matches “%1”.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Toolbar</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Go to Tasks</source>
        <translation>Go to Tasks</translation>
    </message>
    <message>
        <source>Accept or save the field</source>
        <translation>Accept or save the field</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>Approve the document and open the next</source>
        <translation>Approve the document and open the next</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Assign to…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Cancel the selected uploads</source>
        <translation>Cancel the selected uploads</translation>
    </message>
    <message>
        <source>Choose columns…</source>
        <translation>Choose columns…</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>Command palette…</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Copy rows for Excel</source>
        <translation>Copy rows for Excel</translation>
    </message>
    <message>
        <source>Customize keyboard shortcuts…</source>
        <translation>Customize keyboard shortcuts…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Edit cell</source>
        <translation>Edit cell</translation>
    </message>
    <message>
        <source>Export diagnostics…</source>
        <translation>Export diagnostics…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Fit the page to the width</source>
        <translation>Fit the page to the width</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Go</translation>
    </message>
    <message>
        <source>Go to Clients</source>
        <translation>Go to Clients</translation>
    </message>
    <message>
        <source>Go to Conflicts</source>
        <translation>Go to Conflicts</translation>
    </message>
    <message>
        <source>Go to Documents</source>
        <translation>Go to Documents</translation>
    </message>
    <message>
        <source>Go to Engagements</source>
        <translation>Go to Engagements</translation>
    </message>
    <message>
        <source>Go to Intake</source>
        <translation>Go to Intake</translation>
    </message>
    <message>
        <source>Go to Review</source>
        <translation>Go to Review</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Keep my values</source>
        <translation>Keep my values</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Next field</source>
        <translation>Next field</translation>
    </message>
    <message>
        <source>Next field that needs a look</source>
        <translation>Next field that needs a look</translation>
    </message>
    <message>
        <source>Next page of the document</source>
        <translation>Next page of the document</translation>
    </message>
    <message>
        <source>Next row</source>
        <translation>Next row</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Pause all uploads</source>
        <translation>Pause all uploads</translation>
    </message>
    <message>
        <source>Pause or resume sync</source>
        <translation>Pause or resume sync</translation>
    </message>
    <message>
        <source>Pause or resume the selected uploads</source>
        <translation>Pause or resume the selected uploads</translation>
    </message>
    <message>
        <source>Previous field</source>
        <translation>Previous field</translation>
    </message>
    <message>
        <source>Previous page of the document</source>
        <translation>Previous page of the document</translation>
    </message>
    <message>
        <source>Previous row</source>
        <translation>Previous row</translation>
    </message>
    <message>
        <source>Put back the field&apos;s value</source>
        <translation>Put back the field&apos;s value</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Resume all uploads</source>
        <translation>Resume all uploads</translation>
    </message>
    <message>
        <source>Retry all failed uploads</source>
        <translation>Retry all failed uploads</translation>
    </message>
    <message>
        <source>Retry the selected uploads</source>
        <translation>Retry the selected uploads</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation>Select all rows</translation>
    </message>
    <message>
        <source>Select or unselect row</source>
        <translation>Select or unselect row</translation>
    </message>
    <message>
        <source>Set category…</source>
        <translation>Set category…</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>Set status…</translation>
    </message>
    <message>
        <source>Set tax year…</source>
        <translation>Set tax year…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Show changes waiting to sync</source>
        <translation>Show changes waiting to sync</translation>
    </message>
    <message>
        <source>Show or hide archived records</source>
        <translation>Show or hide archived records</translation>
    </message>
    <message>
        <source>Show or hide details</source>
        <translation>Show or hide details</translation>
    </message>
    <message>
        <source>Show or hide history</source>
        <translation>Show or hide history</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Sign in again…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Switch account…</source>
        <translation>Switch account…</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Take the server&apos;s values</source>
        <translation>Take the server&apos;s values</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Watched folders…</source>
        <translation>Watched folders…</translation>
    </message>
    <message>
        <source>Zoom in on the page</source>
        <translation>Zoom in on the page</translation>
    </message>
    <message>
        <source>Zoom out of the page</source>
        <translation>Zoom out of the page</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>No conflicts. Changes made here and on the server have all been merged.</source>
        <translation>No conflicts. Changes made here and on the server have all been merged.</translation>
    </message>
    <message>
        <source>This client was deleted on the server.</source>
        <translation>This client was deleted on the server.</translation>
    </message>
    <message>
        <source>This engagement was deleted on the server.</source>
        <translation>This engagement was deleted on the server.</translation>
    </message>
    <message>
        <source>This task was deleted on the server.</source>
        <translation>This task was deleted on the server.</translation>
    </message>
    <message>
        <source>This document was deleted on the server.</source>
        <translation>This document was deleted on the server.</translation>
    </message>
    <message>
        <source>This extraction was deleted on the server.</source>
        <translation>This extraction was deleted on the server.</translation>
    </message>
    <message>
        <source>This record was deleted on the server.</source>
        <translation>This record was deleted on the server.</translation>
    </message>
    <message>
        <source>Keep your changes to {record}? It was deleted on the server; it comes back as a new client with your changes.</source>
        <translation>Keep your changes to {record}? It was deleted on the server; it comes back as a new client with your changes.</translation>
    </message>
    <message>
        <source>Keep your changes to {record}? It was deleted on the server; it comes back as a new engagement with your changes.</source>
        <translation>Keep your changes to {record}? It was deleted on the server; it comes back as a new engagement with your changes.</translation>
    </message>
    <message>
        <source>Keep your changes to {record}? It was deleted on the server; it comes back as a new task with your changes.</source>
        <translation>Keep your changes to {record}? It was deleted on the server; it comes back as a new task with your changes.</translation>
    </message>
    <message>
        <source>Keep your changes to {record}? It was deleted on the server; it comes back as a new document with your changes.</source>
        <translation>Keep your changes to {record}? It was deleted on the server; it comes back as a new document with your changes.</translation>
    </message>
    <message>
        <source>Keep your changes to {record}? It was deleted on the server; it comes back as a new extraction with your changes.</source>
        <translation>Keep your changes to {record}? It was deleted on the server; it comes back as a new extraction with your changes.</translation>
    </message>
    <message>
        <source>Keep your changes to {record}? It was deleted on the server; it comes back as a new record with your changes.</source>
        <translation>Keep your changes to {record}? It was deleted on the server; it comes back as a new record with your changes.</translation>
    </message>
    <message>
        <source>Whole record</source>
        <translation>Whole record</translation>
    </message>
    <message>
        <source>changed here</source>
        <translation>changed here</translation>
    </message>
    <message>
        <source>deleted on the server</source>
        <translation>deleted on the server</translation>
    </message>
    <message>
        <source>Changed here: {fields}</source>
        <translation>Changed here: {fields}</translation>
    </message>
    <message>
        <source>(no fields)</source>
        <translation>(no fields)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>These fields were changed here and on the server. Keep mine sends your value to the server; Take theirs replaces yours with the server&apos;s.</source>
        <translation>These fields were changed here and on the server. Keep mine sends your value to the server; Take theirs replaces yours with the server&apos;s.</translation>
    </message>
    <message>
        <source>Mine (here)</source>
        <translation>Mine (here)</translation>
    </message>
    <message>
        <source>Theirs (on the server)</source>
        <translation>Theirs (on the server)</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Keep mine</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Take theirs</translation>
    </message>
    <message>
        <source>Your choice could not be saved: the local database is busy or cannot be written. Nothing was changed; try again in a moment.</source>
        <translation>Your choice could not be saved: the local database is busy or cannot be written. Nothing was changed; try again in a moment.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>Let {record} stay deleted? Your changes to it are discarded.</source>
        <translation>Let {record} stay deleted? Your changes to it are discarded.</translation>
    </message>
    <message>
        <source>Keep your value for {field} of {record}? It will be sent to the server and replace the value saved there.</source>
        <translation>Keep your value for {field} of {record}? It will be sent to the server and replace the value saved there.</translation>
    </message>
    <message>
        <source>Take the server&apos;s value for {field} of {record}? Your change is discarded.</source>
        <translation>Take the server&apos;s value for {field} of {record}? Your change is discarded.</translation>
    </message>
    <message>
        <source>Keep your values for {n} conflicts? They will be sent to the server and replace the values saved there.</source>
        <translation>Keep your values for {n} conflicts? They will be sent to the server and replace the values saved there.</translation>
    </message>
    <message>
        <source>Records deleted on the server come back as new records with your changes.</source>
        <translation>Records deleted on the server come back as new records with your changes.</translation>
    </message>
    <message>
        <source>Take the server&apos;s values for {n} conflicts? Your changes are discarded.</source>
        <translation>Take the server&apos;s values for {n} conflicts? Your changes are discarded.</translation>
    </message>
    <message>
        <source>Records deleted on the server stay deleted.</source>
        <translation>Records deleted on the server stay deleted.</translation>
    </message>
</context>
<context>
    <name>DesktopStartup</name>
    <message>
        <source>The local workspace could not start: {error}</source>
        <translation>The local workspace could not start: {error}</translation>
    </message>
    <message>
        <source>The records kept for {user} could not be opened: {error}</source>
        <translation>The records kept for {user} could not be opened: {error}</translation>
    </message>
    <message>
        <source>Adding files could not start: {error}. Everything else works; restart the program to try again.</source>
        <translation>Adding files could not start: {error}. Everything else works; restart the program to try again.</translation>
    </message>
    <message>
        <source>Preparing the local workspace…</source>
        <translation>Preparing the local workspace…</translation>
    </message>
    <message>
        <source>You can keep working; changes are kept here.</source>
        <translation>You can keep working; changes are kept here.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Untitled user</source>
        <translation>Untitled user</translation>
    </message>
    <message>
        <source>Untitled client</source>
        <translation>Untitled client</translation>
    </message>
    <message>
        <source>Untitled engagement</source>
        <translation>Untitled engagement</translation>
    </message>
    <message>
        <source>Untitled task</source>
        <translation>Untitled task</translation>
    </message>
    <message>
        <source>Untitled document</source>
        <translation>Untitled document</translation>
    </message>
    <message>
        <source>Untitled extraction</source>
        <translation>Untitled extraction</translation>
    </message>
    <message>
        <source>{n} change pending upload to server.</source>
        <translation>{n} change pending upload to server.</translation>
    </message>
    <message>
        <source>{n} changes pending upload to server.</source>
        <translation>{n} changes pending upload to server.</translation>
    </message>
    <message>
        <source>{value} (not in this workspace yet)</source>
        <translation>{value} (not in this workspace yet)</translation>
    </message>
    <message>
        <source>… {n} more</source>
        <translation>… {n} more</translation>
    </message>
    <message>
        <source>Deleted here — pending upload to server.</source>
        <translation>Deleted here — pending upload to server.</translation>
    </message>
    <message>
        <source>Created here — pending upload to server.</source>
        <translation>Created here — pending upload to server.</translation>
    </message>
    <message>
        <source>Conflicts with the server&apos;s version</source>
        <translation>Conflicts with the server&apos;s version</translation>
    </message>
    <message>
        <source>Changed here, pending upload to server</source>
        <translation>Changed here, pending upload to server</translation>
    </message>
    <message>
        <source>Changed here; the server still has the earlier choice.</source>
        <translation>Changed here; the server still has the earlier choice.</translation>
    </message>
    <message>
        <source>On the server: empty</source>
        <translation>On the server: empty</translation>
    </message>
    <message>
        <source>On the server: {value}</source>
        <translation>On the server: {value}</translation>
    </message>
    <message>
        <source>the whole record</source>
        <translation>the whole record</translation>
    </message>
    <message>
        <source>Conflicts with the server&apos;s version: {fields}.</source>
        <translation>Conflicts with the server&apos;s version: {fields}.</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nothing selected</translation>
    </message>
</context>
<context>
    <name>DiagnosticsExport</name>
    <message>
        <source>Export diagnostics</source>
        <translation>Export diagnostics</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip archives (*.zip)</translation>
    </message>
    <message>
        <source>Diagnostics are still being saved…</source>
        <translation>Diagnostics are still being saved…</translation>
    </message>
    <message>
        <source>Saving diagnostics…</source>
        <translation>Saving diagnostics…</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path}</source>
        <translation>Diagnostics saved to {path}</translation>
    </message>
    <message>
        <source>Something unexpected stopped the export ({problem}).</source>
        <translation>Something unexpected stopped the export ({problem}).</translation>
    </message>
    <message>
        <source>Diagnostics not saved.</source>
        <translation>Diagnostics not saved.</translation>
    </message>
    <message>
        <source>The diagnostics could not be saved.</source>
        <translation>The diagnostics could not be saved.</translation>
    </message>
</context>
<context>
    <name>DropIntake</name>
    <message>
        <source>{n} files</source>
        <translation>{n} files</translation>
    </message>
    <message>
        <source>{n} folders</source>
        <translation>{n} folders</translation>
    </message>
    <message>
        <source>{n} files and folders</source>
        <translation>{n} files and folders</translation>
    </message>
    <message>
        <source>Drop to add {what} to {client}</source>
        <translation>Drop to add {what} to {client}</translation>
    </message>
    <message>
        <source>Drop to add {what} — you will choose the client next</source>
        <translation>Drop to add {what} — you will choose the client next</translation>
    </message>
</context>
<context>
    <name>DropOverlay</name>
    <message>
        <source>You check the client, category and year before anything is sent.</source>
        <translation>You check the client, category and year before anything is sent.</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Extraction</source>
        <translation>Extraction</translation>
    </message>
    <message>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <source>engagement</source>
        <translation>engagement</translation>
    </message>
    <message>
        <source>task</source>
        <translation>task</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>extraction</source>
        <translation>extraction</translation>
    </message>
    <message>
        <source>{n} user</source>
        <translation>{n} user</translation>
    </message>
    <message>
        <source>{n} users</source>
        <translation>{n} users</translation>
    </message>
    <message>
        <source>{n} client</source>
        <translation>{n} client</translation>
    </message>
    <message>
        <source>{n} clients</source>
        <translation>{n} clients</translation>
    </message>
    <message>
        <source>{n} engagement</source>
        <translation>{n} engagement</translation>
    </message>
    <message>
        <source>{n} engagements</source>
        <translation>{n} engagements</translation>
    </message>
    <message>
        <source>{n} task</source>
        <translation>{n} task</translation>
    </message>
    <message>
        <source>{n} tasks</source>
        <translation>{n} tasks</translation>
    </message>
    <message>
        <source>{n} document</source>
        <translation>{n} document</translation>
    </message>
    <message>
        <source>{n} documents</source>
        <translation>{n} documents</translation>
    </message>
    <message>
        <source>{n} extraction</source>
        <translation>{n} extraction</translation>
    </message>
    <message>
        <source>{n} extractions</source>
        <translation>{n} extractions</translation>
    </message>
</context>
<context>
    <name>FieldEditors</name>
    <message>
        <source>12-3456789 or 123-45-6789</source>
        <translation>12-3456789 or 123-45-6789</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Type part of the user&apos;s name</source>
        <translation>Type part of the user&apos;s name</translation>
    </message>
    <message>
        <source>Type part of the client&apos;s name</source>
        <translation>Type part of the client&apos;s name</translation>
    </message>
    <message>
        <source>Type part of the engagement&apos;s name</source>
        <translation>Type part of the engagement&apos;s name</translation>
    </message>
    <message>
        <source>Several users are named “{text}”. Pick one from the list.</source>
        <translation>Several users are named “{text}”. Pick one from the list.</translation>
    </message>
    <message>
        <source>Several clients are named “{text}”. Pick one from the list.</source>
        <translation>Several clients are named “{text}”. Pick one from the list.</translation>
    </message>
    <message>
        <source>Several engagements are named “{text}”. Pick one from the list.</source>
        <translation>Several engagements are named “{text}”. Pick one from the list.</translation>
    </message>
    <message>
        <source>No user is named “{text}”. Pick one from the list.</source>
        <translation>No user is named “{text}”. Pick one from the list.</translation>
    </message>
    <message>
        <source>No client is named “{text}”. Pick one from the list.</source>
        <translation>No client is named “{text}”. Pick one from the list.</translation>
    </message>
    <message>
        <source>No engagement is named “{text}”. Pick one from the list.</source>
        <translation>No engagement is named “{text}”. Pick one from the list.</translation>
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
        <translation>Y</translation>
    </message>
    <message>
        <source>Type a name</source>
        <translation>Type a name</translation>
    </message>
    <message>
        <source>Several records are named “{text}”. Pick one from the list.</source>
        <translation>Several records are named “{text}”. Pick one from the list.</translation>
    </message>
    <message>
        <source>Nothing is named “{text}”. Pick one from the list.</source>
        <translation>Nothing is named “{text}”. Pick one from the list.</translation>
    </message>
</context>
<context>
    <name>FieldFormat</name>
    <message>
        <source>{n} field</source>
        <translation>{n} field</translation>
    </message>
    <message>
        <source>{n} fields</source>
        <translation>{n} fields</translation>
    </message>
    <message>
        <source>{n} item</source>
        <translation>{n} item</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} items</translation>
    </message>
</context>
<context>
    <name>FieldInput</name>
    <message>
        <source>{local} or {iso}</source>
        <translation>{local} or {iso}</translation>
    </message>
    <message>
        <source>Will be saved as SSN {ssn}. For an EIN, type {ein}.</source>
        <translation>Will be saved as SSN {ssn}. For an EIN, type {ein}.</translation>
    </message>
    <message>
        <source>Will be saved as EIN {ein}.</source>
        <translation>Will be saved as EIN {ein}.</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>acroform</source>
        <translation>acroform</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>ocr</source>
        <translation>ocr</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Confirmed by {who} at {when}</source>
        <translation>Confirmed by {who} at {when}</translation>
    </message>
    <message>
        <source>{confirmed}; read as “{value}”</source>
        <translation>{confirmed}; read as “{value}”</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corrected</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Read by the machine from the {source}; not confirmed</source>
        <translation>Read by the machine from the {source}; not confirmed</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>Needs a look.</source>
        <translation>Needs a look.</translation>
    </message>
    <message>
        <source>{percent} sure.</source>
        <translation>{percent} sure.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>Business name</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Contact email</source>
        <translation>Contact email</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Extracted data</source>
        <translation>Extracted data</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Form type</source>
        <translation>Form type</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Legal name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Primary contact</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tax ID (EIN or SSN)</source>
        <translation>Tax ID (EIN or SSN)</translation>
    </message>
    <message>
        <source>Tax year</source>
        <translation>Tax year</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Uploaded by</source>
        <translation>Uploaded by</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>ZIP code</translation>
    </message>
</context>
<context>
    <name>FilenameRulesEditor</name>
    <message>
        <source>A glob on the file name (* any text, ? one character), or re: followed by a regular expression found anywhere in the name. Case is ignored.</source>
        <translation>A glob on the file name (* any text, ? one character), or re: followed by a regular expression found anywhere in the name. Case is ignored.</translation>
    </message>
    <message>
        <source>This reads as a glob (* any text, ? one character). For a regular expression, start the pattern with re:</source>
        <translation>This reads as a glob (* any text, ? one character). For a regular expression, start the pattern with re:</translation>
    </message>
    <message>
        <source>Files whose name fits a pattern get the client, category and year the rule sets. A rule beats the folders; where several rules match, each setting comes from the first rule (highest in the list) that sets it.</source>
        <translation>Files whose name fits a pattern get the client, category and year the rule sets. A rule beats the folders; where several rules match, each setting comes from the first rule (highest in the list) that sets it.</translation>
    </message>
    <message>
        <source>Ru&amp;les:</source>
        <translation>Ru&amp;les:</translation>
    </message>
    <message>
        <source>&amp;New rule</source>
        <translation>&amp;New rule</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <source>Type or paste a file name, such as W2_Acme.pdf</source>
        <translation>Type or paste a file name, such as W2_Acme.pdf</translation>
    </message>
    <message>
        <source>&amp;Test a file name:</source>
        <translation>&amp;Test a file name:</translation>
    </message>
    <message>
        <source>Filename rules</source>
        <translation>Filename rules</translation>
    </message>
    <message>
        <source>Selected rule</source>
        <translation>Selected rule</translation>
    </message>
    <message>
        <source>W2_*.pdf  or  re:^ACME_\d+</source>
        <translation>W2_*.pdf  or  re:^ACME_\d+</translation>
    </message>
    <message>
        <source>Client for this rule</source>
        <translation>Client for this rule</translation>
    </message>
    <message>
        <source>Not set by this rule</source>
        <translation>Not set by this rule</translation>
    </message>
    <message>
        <source>&amp;Pattern:</source>
        <translation>&amp;Pattern:</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Client:</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>C&amp;ategory:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>Type a file name above to see which rule would decide what for it.</source>
        <translation>Type a file name above to see which rule would decide what for it.</translation>
    </message>
    <message>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <source>category</source>
        <translation>category</translation>
    </message>
    <message>
        <source>year</source>
        <translation>year</translation>
    </message>
    <message>
        <source>“{name}” → {parts}.</source>
        <translation>“{name}” → {parts}.</translation>
    </message>
    <message>
        <source>No rule matches “{name}”: the folders and the name itself decide, or the file waits in Unsorted.</source>
        <translation>No rule matches “{name}”: the folders and the name itself decide, or the file waits in Unsorted.</translation>
    </message>
    <message>
        <source>Rule {n} matches but names a client no longer in the firm.</source>
        <translation>Rule {n} matches but names a client no longer in the firm.</translation>
    </message>
    <message>
        <source>Not checked until fixed: rule {rows}.</source>
        <translation>Not checked until fixed: rule {rows}.</translation>
    </message>
    <message>
        <source>{what} {value} (rule {number})</source>
        <translation>{what} {value} (rule {number})</translation>
    </message>
</context>
<context>
    <name>FilenameRulesPage</name>
    <message>
        <source>Filename rules can be set up once the workspace is connected.</source>
        <translation>Filename rules can be set up once the workspace is connected.</translation>
    </message>
    <message>
        <source>Filename rules</source>
        <translation>Filename rules</translation>
    </message>
    <message>
        <source>Not saved yet: a rule is not valid (the reason is beside it). The rules saved before still apply.</source>
        <translation>Not saved yet: a rule is not valid (the reason is beside it). The rules saved before still apply.</translation>
    </message>
    <message>
        <source>Saved. New files are routed by these rules.</source>
        <translation>Saved. New files are routed by these rules.</translation>
    </message>
    <message>
        <source>Filename rule {number} was not saved: {problem}</source>
        <translation>Filename rule {number} was not saved: {problem}</translation>
    </message>
</context>
<context>
    <name>FolderListModel</name>
    <message>
        <source>Watching</source>
        <translation>Watching</translation>
    </message>
    <message>
        <source>Not there</source>
        <translation>Not there</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Cannot be watched</source>
        <translation>Cannot be watched</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Watched after OK</source>
        <translation>Watched after OK</translation>
    </message>
    <message>
        <source>Watching starts once you press OK.</source>
        <translation>Watching starts once you press OK.</translation>
    </message>
    <message>
        <source>Paused after OK</source>
        <translation>Paused after OK</translation>
    </message>
    <message>
        <source>Watching pauses once you press OK.</source>
        <translation>Watching pauses once you press OK.</translation>
    </message>
    <message>
        <source>Resumes after OK</source>
        <translation>Resumes after OK</translation>
    </message>
    <message>
        <source>Watching resumes once you press OK.</source>
        <translation>Watching resumes once you press OK.</translation>
    </message>
    <message>
        <source>Not watched yet</source>
        <translation>Not watched yet</translation>
    </message>
    <message>
        <source>Watching starts once the workspace is connected.</source>
        <translation>Watching starts once the workspace is connected.</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Language settings are not available.</source>
        <translation>Language settings are not available.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <source>Changes at once. “Same as the computer” follows it.</source>
        <translation>Changes at once. “Same as the computer” follows it.</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Data folder:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <source>This computer&apos;s copy of the firm&apos;s data, the changes waiting to be sent, these settings and the logs. AdvisorOS does not move it while it runs, since sync and intake write there. To keep it elsewhere, quit AdvisorOS, move the folder, and start AdvisorOS with --data-dir and the new folder.</source>
        <translation>This computer&apos;s copy of the firm&apos;s data, the changes waiting to be sent, these settings and the logs. AdvisorOS does not move it while it runs, since sync and intake write there. To keep it elsewhere, quit AdvisorOS, move the folder, and start AdvisorOS with --data-dir and the new folder.</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <source>Dropped</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>Watched folder</source>
        <translation>Watched folder</translation>
    </message>
    <message>
        <source>Added here</source>
        <translation>Added here</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Unsorted</source>
        <translation>Unsorted</translation>
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
        <translation>Hashing</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Waiting: {reason}</source>
        <translation>Waiting: {reason}</translation>
    </message>
    <message>
        <source>Uploading {percent}%</source>
        <translation>Uploading {percent}%</translation>
    </message>
    <message>
        <source>Duplicate of {name}</source>
        <translation>Duplicate of {name}</translation>
    </message>
    <message>
        <source>Duplicate: {reason}</source>
        <translation>Duplicate: {reason}</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>Failed: {reason}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Watched: {folder}</source>
        <translation>Watched: {folder}</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>a few seconds</source>
        <translation>a few seconds</translation>
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
        <translation>{n} checking</translation>
    </message>
    <message>
        <source>{n} checking</source>
        <comment>several files</comment>
        <translation>{n} checking</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <comment>one file</comment>
        <translation>{n} waiting</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <comment>several files</comment>
        <translation>{n} waiting</translation>
    </message>
    <message>
        <source>{n} uploading</source>
        <comment>one file</comment>
        <translation>{n} uploading</translation>
    </message>
    <message>
        <source>{n} uploading</source>
        <comment>several files</comment>
        <translation>{n} uploading</translation>
    </message>
    <message>
        <source>{n} paused</source>
        <comment>one file</comment>
        <translation>{n} paused</translation>
    </message>
    <message>
        <source>{n} paused</source>
        <comment>several files</comment>
        <translation>{n} paused</translation>
    </message>
    <message>
        <source>{n} unsorted</source>
        <comment>one file</comment>
        <translation>{n} unsorted</translation>
    </message>
    <message>
        <source>{n} unsorted</source>
        <comment>several files</comment>
        <translation>{n} unsorted</translation>
    </message>
    <message>
        <source>{n} done</source>
        <comment>one file</comment>
        <translation>{n} done</translation>
    </message>
    <message>
        <source>{n} done</source>
        <comment>several files</comment>
        <translation>{n} done</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <comment>one file</comment>
        <translation>{n} failed</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <comment>several files</comment>
        <translation>{n} failed</translation>
    </message>
    <message>
        <source>{n} duplicate</source>
        <comment>one file</comment>
        <translation>{n} duplicate</translation>
    </message>
    <message>
        <source>{n} duplicates</source>
        <comment>several files</comment>
        <translation>{n} duplicates</translation>
    </message>
    <message>
        <source>{n} cancelled</source>
        <comment>one file</comment>
        <translation>{n} cancelled</translation>
    </message>
    <message>
        <source>{n} cancelled</source>
        <comment>several files</comment>
        <translation>{n} cancelled</translation>
    </message>
    <message>
        <source>Nothing in the upload queue. Drop files anywhere on the window to add them.</source>
        <translation>Nothing in the upload queue. Drop files anywhere on the window to add them.</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} of {total}</translation>
    </message>
    <message>
        <source>about {time} left</source>
        <translation>about {time} left</translation>
    </message>
    <message>
        <source>{folder}: watching</source>
        <translation>{folder}: watching</translation>
    </message>
    <message>
        <source>{folder}: paused</source>
        <translation>{folder}: paused</translation>
    </message>
    <message>
        <source>{path}: not there (unplugged drive?) — waiting for it</source>
        <translation>{path}: not there (unplugged drive?) — waiting for it</translation>
    </message>
    <message>
        <source>{path}: cannot be opened — trying again</source>
        <translation>{path}: cannot be opened — trying again</translation>
    </message>
</context>
<context>
    <name>IntakeController</name>
    <message>
        <source>{n} file</source>
        <translation>{n} file</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} files</translation>
    </message>
    <message>
        <source>{n} file was added before.</source>
        <translation>{n} file was added before.</translation>
    </message>
    <message>
        <source>{n} files were added before.</source>
        <translation>{n} files were added before.</translation>
    </message>
    <message>
        <source>{n} file skipped ({why}).</source>
        <translation>{n} file skipped ({why}).</translation>
    </message>
    <message>
        <source>{n} files skipped ({why}).</source>
        <translation>{n} files skipped ({why}).</translation>
    </message>
    <message>
        <source>Add {files} for {client}</source>
        <translation>Add {files} for {client}</translation>
    </message>
    <message>
        <source>Add {files}</source>
        <translation>Add {files}</translation>
    </message>
    <message>
        <source>Added {files} for {client}.</source>
        <translation>Added {files} for {client}.</translation>
    </message>
    <message>
        <source>Added {files}.</source>
        <translation>Added {files}.</translation>
    </message>
    <message>
        <source>Filename rules choose their clients.</source>
        <translation>Filename rules choose their clients.</translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation>Nothing was added.</translation>
    </message>
    <message>
        <source>{reason} and others</source>
        <translation>{reason} and others</translation>
    </message>
    <message>
        <source>Intake has stopped; the files were not added.</source>
        <translation>Intake has stopped; the files were not added.</translation>
    </message>
    <message>
        <source>The files could not be added ({problem}). Nothing was queued; try again.</source>
        <translation>The files could not be added ({problem}). Nothing was queued; try again.</translation>
    </message>
    <message>
        <source>the chosen client</source>
        <translation>the chosen client</translation>
    </message>
    <message>
        <source>The upload queue could not be changed: {problem}</source>
        <translation>The upload queue could not be changed: {problem}</translation>
    </message>
    <message>
        <source>The watched folders could not be started: {problem}</source>
        <translation>The watched folders could not be started: {problem}</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Watched folders can be set up once the workspace is connected.</source>
        <translation>Watched folders can be set up once the workspace is connected.</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Files saved into a watched folder (a scanner&apos;s, or “print to PDF”) are uploaded by themselves. Each folder says which client its files belong to (or leaves that to the filename rules and the file&apos;s name) and what happens to a file once the server has it: moved to .processed, deleted, or left in place.</source>
        <translation>Files saved into a watched folder (a scanner&apos;s, or “print to PDF”) are uploaded by themselves. Each folder says which client its files belong to (or leaves that to the filename rules and the file&apos;s name) and what happens to a file once the server has it: moved to .processed, deleted, or left in place.</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>Watched folders</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>After upload</source>
        <translation>After upload</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Watched folders:</source>
        <translation>&amp;Watched folders:</translation>
    </message>
    <message>
        <source>&amp;Edit watched folders and routing…</source>
        <translation>&amp;Edit watched folders and routing…</translation>
    </message>
    <message>
        <source>No folder is watched yet. Add the folder your scanner or “print to PDF” saves into.</source>
        <translation>No folder is watched yet. Add the folder your scanner or “print to PDF” saves into.</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Not watched yet</source>
        <translation>Not watched yet</translation>
    </message>
</context>
<context>
    <name>IntakeProgress</name>
    <message>
        <source>{n} file</source>
        <translation>{n} file</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} files</translation>
    </message>
    <message>
        <source>{n} file needs a client (Intake)</source>
        <translation>{n} file needs a client (Intake)</translation>
    </message>
    <message>
        <source>{n} files need a client (Intake)</source>
        <translation>{n} files need a client (Intake)</translation>
    </message>
    <message>
        <source>{n} file paused (Intake)</source>
        <translation>{n} file paused (Intake)</translation>
    </message>
    <message>
        <source>{n} files paused (Intake)</source>
        <translation>{n} files paused (Intake)</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>less than a minute left</translation>
    </message>
    <message>
        <source>about {m} min left</source>
        <translation>about {m} min left</translation>
    </message>
    <message>
        <source>about {h} h {m} min left</source>
        <translation>about {h} h {m} min left</translation>
    </message>
    <message>
        <source>about {h} h left</source>
        <translation>about {h} h left</translation>
    </message>
    <message>
        <source>Files being added; Ctrl+6 shows the upload queue</source>
        <translation>Files being added; Ctrl+6 shows the upload queue</translation>
    </message>
    <message>
        <source>Checking {files}</source>
        <translation>Checking {files}</translation>
    </message>
    <message>
        <source>Uploading {current} of {files}</source>
        <translation>Uploading {current} of {files}</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>&lt;h3&gt;Intake&lt;/h3&gt;&lt;p&gt;Intake starts once the workspace is connected. Files you drop on the window and files in your watched folders are listed here, with their progress, as soon as it has.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Intake&lt;/h3&gt;&lt;p&gt;Intake starts once the workspace is connected. Files you drop on the window and files in your watched folders are listed here, with their progress, as soon as it has.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <source>Upload queue</source>
        <translation>Upload queue</translation>
    </message>
    <message>
        <source>Show fi&amp;nished</source>
        <translation>Show fi&amp;nished</translation>
    </message>
    <message>
        <source>C&amp;lear finished</source>
        <translation>C&amp;lear finished</translation>
    </message>
    <message>
        <source>Remove finished files from the list (their source files are already dealt with)</source>
        <translation>Remove finished files from the list (their source files are already dealt with)</translation>
    </message>
    <message>
        <source>pause/resume</source>
        <translation>pause/resume</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>cancel</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>retry</translation>
    </message>
    <message>
        <source>retry all failed</source>
        <translation>retry all failed</translation>
    </message>
    <message>
        <source>Paused {files}.</source>
        <translation>Paused {files}.</translation>
    </message>
    <message>
        <source>Resumed {files}.</source>
        <translation>Resumed {files}.</translation>
    </message>
    <message>
        <source>Only files not yet sent can be paused or resumed.</source>
        <translation>Only files not yet sent can be paused or resumed.</translation>
    </message>
    <message>
        <source> Retry ({key}) takes it again.</source>
        <translation> Retry ({key}) takes it again.</translation>
    </message>
    <message>
        <source> Retry ({key}) takes them again.</source>
        <translation> Retry ({key}) takes them again.</translation>
    </message>
    <message>
        <source>Cancelled {files}.</source>
        <translation>Cancelled {files}.</translation>
    </message>
    <message>
        <source>Only files not yet sent can be cancelled.</source>
        <translation>Only files not yet sent can be cancelled.</translation>
    </message>
    <message>
        <source>Trying {files} again.</source>
        <translation>Trying {files} again.</translation>
    </message>
    <message>
        <source>Only failed or cancelled files can be retried.</source>
        <translation>Only failed or cancelled files can be retried.</translation>
    </message>
    <message>
        <source>No upload has failed.</source>
        <translation>No upload has failed.</translation>
    </message>
    <message>
        <source>Cleared {files} from the list.</source>
        <translation>Cleared {files} from the list.</translation>
    </message>
    <message>
        <source>No finished upload to clear yet.</source>
        <translation>No finished upload to clear yet.</translation>
    </message>
    <message>
        <source>Choose files in the upload queue first.</source>
        <translation>Choose files in the upload queue first.</translation>
    </message>
    <message>
        <source>Watched folders: {folders}</source>
        <translation>Watched folders: {folders}</translation>
    </message>
    <message>
        <source>&amp;Unsorted ({count})</source>
        <translation>&amp;Unsorted ({count})</translation>
    </message>
</context>
<context>
    <name>KeyBindings</name>
    <message>
        <source>no shortcut</source>
        <translation>no shortcut</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} and {second}</translation>
    </message>
    <message>
        <source>{key} is bound to both {names}.</source>
        <translation>{key} is bound to both {names}.</translation>
    </message>
    <message>
        <source>Your shortcut for “{title}” could not be read ({problem}). “{title}” keeps {keys}.</source>
        <translation>Your shortcut for “{title}” could not be read ({problem}). “{title}” keeps {keys}.</translation>
    </message>
    <message>
        <source>Your shortcut for “{title}” was not applied; it keeps {keys}. You can change it in File ▸ Customize keyboard shortcuts…</source>
        <translation>Your shortcut for “{title}” was not applied; it keeps {keys}. You can change it in File ▸ Customize keyboard shortcuts…</translation>
    </message>
</context>
<context>
    <name>KeyRecorderDelegate</name>
    <message>
        <source>Press the new keys; Esc cancels</source>
        <translation>Press the new keys; Esc cancels</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Takes effect when AdvisorOS restarts</source>
        <translation>Takes effect when AdvisorOS restarts</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>Navigate</source>
        <translation>Navigate</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>History of changes</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;opened&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Conflicts</translation>
    </message>
    <message>
        <source>&amp;Intake</source>
        <translation>&amp;Intake</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>When a batch of files has been added</source>
        <translation>When a batch of files has been added</translation>
    </message>
    <message>
        <source>When a change of yours conflicts with someone else&apos;s</source>
        <translation>When a change of yours conflicts with someone else&apos;s</translation>
    </message>
    <message>
        <source>When a file could not be added</source>
        <translation>When a file could not be added</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Notification settings are not available.</source>
        <translation>Notification settings are not available.</translation>
    </message>
    <message>
        <source>Shown by the system while AdvisorOS is in the background, never for what its window shows you already.</source>
        <translation>Shown by the system while AdvisorOS is in the background, never for what its window shows you already.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Nothing waiting to be sent: the server has every change made here.</source>
        <translation>Nothing waiting to be sent: the server has every change made here.</translation>
    </message>
    <message>
        <source>Create {record}</source>
        <translation>Create {record}</translation>
    </message>
    <message>
        <source>Update {record}</source>
        <translation>Update {record}</translation>
    </message>
    <message>
        <source>Delete {record}</source>
        <translation>Delete {record}</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <source>{state} (will try again)</source>
        <translation>{state} (will try again)</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Changes waiting to be sent</translation>
    </message>
    <message>
        <source>&amp;Discard refused change</source>
        <translation>&amp;Discard refused change</translation>
    </message>
    <message>
        <source>Give up this change: its fields go back to the server&apos;s values</source>
        <translation>Give up this change: its fields go back to the server&apos;s values</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Discard this refused change? {0}. The record goes back to what the server has; this cannot be undone.</source>
        <translation>Discard this refused change? {0}. The record goes back to what the server has; this cannot be undone.</translation>
    </message>
    <message>
        <source>Discard refused change</source>
        <translation>Discard refused change</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>The change could not be discarded: the local database is busy or cannot be written. Nothing was changed; try again in a moment.</source>
        <translation>The change could not be discarded: the local database is busy or cannot be written. Nothing was changed; try again in a moment.</translation>
    </message>
    <message>
        <source>Showing {0} of {1} changes; the others are waiting in the same order.</source>
        <translation>Showing {0} of {1} changes; the others are waiting in the same order.</translation>
    </message>
</context>
<context>
    <name>OutboxTableModel</name>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Tries</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>PageRenderer</name>
    <message>
        <source>the document has {count} pages, not {page}</source>
        <translation>the document has {count} pages, not {page}</translation>
    </message>
    <message>
        <source>the file is neither a PDF nor an image that can be shown ({problem})</source>
        <translation>the file is neither a PDF nor an image that can be shown ({problem})</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>an Office lock file</source>
        <translation>an Office lock file</translation>
    </message>
    <message>
        <source>a temporary file</source>
        <translation>a temporary file</translation>
    </message>
    <message>
        <source>a partial download</source>
        <translation>a partial download</translation>
    </message>
    <message>
        <source>an editor&apos;s temporary file</source>
        <translation>an editor&apos;s temporary file</translation>
    </message>
    <message>
        <source>a backup copy</source>
        <translation>a backup copy</translation>
    </message>
    <message>
        <source>a Windows thumbnail cache</source>
        <translation>a Windows thumbnail cache</translation>
    </message>
    <message>
        <source>a Windows folder setting</source>
        <translation>a Windows folder setting</translation>
    </message>
    <message>
        <source>a macOS folder icon</source>
        <translation>a macOS folder icon</translation>
    </message>
    <message>
        <source>an intake error report</source>
        <translation>an intake error report</translation>
    </message>
    <message>
        <source>a hidden file</source>
        <translation>a hidden file</translation>
    </message>
    <message>
        <source>The file was moved or deleted before it was sent. Add it again if it should still be uploaded.</source>
        <translation>The file was moved or deleted before it was sent. Add it again if it should still be uploaded.</translation>
    </message>
    <message>
        <source>The file changed after it was checked; checking it again.</source>
        <translation>The file changed after it was checked; checking it again.</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>Waiting for the server</translation>
    </message>
    <message>
        <source>Waiting for you to sign in to AdvisorOS.</source>
        <translation>Waiting for you to sign in to AdvisorOS.</translation>
    </message>
    <message>
        <source>Choose a client for this file.</source>
        <translation>Choose a client for this file.</translation>
    </message>
    <message>
        <source>Sync is paused.</source>
        <translation>Sync is paused.</translation>
    </message>
    <message>
        <source>Sign in to AdvisorOS to continue.</source>
        <translation>Sign in to AdvisorOS to continue.</translation>
    </message>
    <message>
        <source>the address is not a valid http:// or https:// URL</source>
        <translation>the address is not a valid http:// or https:// URL</translation>
    </message>
    <message>
        <source>connecting timed out</source>
        <translation>connecting timed out</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>the server did not answer in time</translation>
    </message>
    <message>
        <source>the connection was closed before the server answered</source>
        <translation>the connection was closed before the server answered</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>connection refused</translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation>the connection was reset</translation>
    </message>
    <message>
        <source>the server&apos;s name could not be found</source>
        <translation>the server&apos;s name could not be found</translation>
    </message>
    <message>
        <source>Cannot reach the AdvisorOS server at {url}: {why}</source>
        <translation>Cannot reach the AdvisorOS server at {url}: {why}</translation>
    </message>
    <message>
        <source>Cannot reach the AdvisorOS server: no server address is set ({why})</source>
        <translation>Cannot reach the AdvisorOS server: no server address is set ({why})</translation>
    </message>
    <message>
        <source>folder &apos;{folder}&apos; matches no client</source>
        <translation>folder &apos;{folder}&apos; matches no client</translation>
    </message>
    <message>
        <source>folder &apos;{folder}&apos; is ambiguous: {client} ({score}) or {rival} ({rival_score})</source>
        <translation>folder &apos;{folder}&apos; is ambiguous: {client} ({score}) or {rival} ({rival_score})</translation>
    </message>
    <message>
        <source>folder &apos;{folder}&apos; matches client {client} ({score})</source>
        <translation>folder &apos;{folder}&apos; matches client {client} ({score})</translation>
    </message>
</context>
<context>
    <name>RecordItemDelegate</name>
    <message>
        <source>The change was not saved.</source>
        <translation>The change was not saved.</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>Meanwhile this changed to “{value}”. Enter saves yours; Esc keeps it.</source>
        <translation>Meanwhile this changed to “{value}”. Enter saves yours; Esc keeps it.</translation>
    </message>
    <message>
        <source>Not saved: {problem} Press F2 to go back to what you typed.</source>
        <translation>Not saved: {problem} Press F2 to go back to what you typed.</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Unnamed user</source>
        <translation>Unnamed user</translation>
    </message>
    <message>
        <source>Unnamed client</source>
        <translation>Unnamed client</translation>
    </message>
    <message>
        <source>Unnamed engagement</source>
        <translation>Unnamed engagement</translation>
    </message>
    <message>
        <source>Unnamed task</source>
        <translation>Unnamed task</translation>
    </message>
    <message>
        <source>Unnamed document</source>
        <translation>Unnamed document</translation>
    </message>
    <message>
        <source>Unnamed extraction</source>
        <translation>Unnamed extraction</translation>
    </message>
    <message>
        <source>A user no longer here</source>
        <translation>A user no longer here</translation>
    </message>
    <message>
        <source>A client no longer here</source>
        <translation>A client no longer here</translation>
    </message>
    <message>
        <source>An engagement no longer here</source>
        <translation>An engagement no longer here</translation>
    </message>
    <message>
        <source>A task no longer here</source>
        <translation>A task no longer here</translation>
    </message>
    <message>
        <source>A document no longer here</source>
        <translation>A document no longer here</translation>
    </message>
    <message>
        <source>An extraction no longer here</source>
        <translation>An extraction no longer here</translation>
    </message>
    <message>
        <source>Extraction of {document}</source>
        <translation>Extraction of {document}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Today {time}</source>
        <translation>Today {time}</translation>
    </message>
    <message>
        <source>Yesterday {time}</source>
        <translation>Yesterday {time}</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <translation>MMM d, yyyy</translation>
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
        <translation>Changed here; not on the server yet</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Filter {title}  ( / )</source>
        <translation>Filter {title}  ( / )</translation>
    </message>
    <message>
        <source>Filter {title}</source>
        <translation>Filter {title}</translation>
    </message>
    <message>
        <source>{title} of {caption}</source>
        <translation>{title} of {caption}</translation>
    </message>
    <message>
        <source>{count} shown</source>
        <translation>{count} shown</translation>
    </message>
</context>
<context>
    <name>ReviewFields</name>
    <message>
        <source>Every field has been looked at.</source>
        <translation>Every field has been looked at.</translation>
    </message>
</context>
<context>
    <name>ReviewInput</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{label} is a check box: type Yes or No.</source>
        <translation>{label} is a check box: type Yes or No.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Connect to change the firm&apos;s threshold.</source>
        <translation>Connect to change the firm&apos;s threshold.</translation>
    </message>
    <message>
        <source>Only the firm&apos;s owner or an administrator can change the firm&apos;s settings.</source>
        <translation>Only the firm&apos;s owner or an administrator can change the firm&apos;s settings.</translation>
    </message>
    <message>
        <source>The firm&apos;s setting: it applies to everyone, from the next document extracted.</source>
        <translation>The firm&apos;s setting: it applies to everyone, from the next document extracted.</translation>
    </message>
    <message>
        <source>The server could not be reached, so the firm&apos;s threshold was not changed.</source>
        <translation>The server could not be reached, so the firm&apos;s threshold was not changed.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Review threshold, in percent</source>
        <translation>Review threshold, in percent</translation>
    </message>
    <message>
        <source>Review &amp;threshold:</source>
        <translation>Review &amp;threshold:</translation>
    </message>
    <message>
        <source>Why the threshold was not changed</source>
        <translation>Why the threshold was not changed</translation>
    </message>
    <message>
        <source>A field AdvisorOS reads with less confidence than this puts its document on the Review list, and is flagged there. From 50 % (trust the reading more) to 100 % (a person looks at every field).</source>
        <translation>A field AdvisorOS reads with less confidence than this puts its document on the Review list, and is flagged there. From 50 % (trust the reading more) to 100 % (a person looks at every field).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>The firm&apos;s threshold was not changed: {error}</source>
        <translation>The firm&apos;s threshold was not changed: {error}</translation>
    </message>
    <message>
        <source>{percent} % was not saved.</source>
        <translation>{percent} % was not saved.</translation>
    </message>
    <message>
        <source>Saved: documents extracted from now on are judged by {percent} %.</source>
        <translation>Saved: documents extracted from now on are judged by {percent} %.</translation>
    </message>
    <message>
        <source>The review threshold “{typed}” was not sent: {problem}</source>
        <translation>The review threshold “{typed}” was not sent: {problem}</translation>
    </message>
</context>
<context>
    <name>ReviewPreview</name>
    <message>
        <source>Document preview</source>
        <translation>Document preview</translation>
    </message>
    <message>
        <source>The page cannot be shown: %1</source>
        <translation>The page cannot be shown: %1</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>The document&apos;s file is not on this computer yet; it will show once the server is reachable.</source>
        <translation>The document&apos;s file is not on this computer yet; it will show once the server is reachable.</translation>
    </message>
    <message>
        <source>Tab next · Enter accept · type to correct · Esc put back · N next to check · Ctrl+Enter approve</source>
        <translation>Tab next · Enter accept · type to correct · Esc put back · N next to check · Ctrl+Enter approve</translation>
    </message>
    <message>
        <source>{n} field</source>
        <translation>{n} field</translation>
    </message>
    <message>
        <source>{n} fields</source>
        <translation>{n} fields</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>Nothing to review</translation>
    </message>
    <message>
        <source>This document has no extracted fields yet.</source>
        <translation>This document has no extracted fields yet.</translation>
    </message>
    <message>
        <source>The document&apos;s file has no checksum; it cannot be shown.</source>
        <translation>The document&apos;s file has no checksum; it cannot be shown.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>%1 next page, %2 previous</source>
        <translation>%1 next page, %2 previous</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>not approved yet</source>
        <translation>not approved yet</translation>
    </message>
    <message>
        <source>{percent} % sure</source>
        <translation>{percent} % sure</translation>
    </message>
    <message>
        <source>{n} to check</source>
        <translation>{n} to check</translation>
    </message>
    <message>
        <source>you</source>
        <translation>you</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>a colleague</translation>
    </message>
    <message>
        <source>{form} of {file}</source>
        <translation>{form} of {file}</translation>
    </message>
</context>
<context>
    <name>RuleDraft</name>
    <message>
        <source>&apos;{text}&apos; is not a tax year; type a year from {first} to {last}, or leave it empty.</source>
        <translation>&apos;{text}&apos; is not a tax year; type a year from {first} to {last}, or leave it empty.</translation>
    </message>
</context>
<context>
    <name>RuleSuggestionBar</name>
    <message>
        <source>{n} unsorted file it fits went there now.</source>
        <translation>{n} unsorted file it fits went there now.</translation>
    </message>
    <message>
        <source>{n} unsorted files it fits went there now.</source>
        <translation>{n} unsorted files it fits went there now.</translation>
    </message>
    <message>
        <source>Always send {pattern} to {client}?</source>
        <translation>Always send {pattern} to {client}?</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>the client</translation>
    </message>
    <message>
        <source>Rule added: files named {pattern} go to {client}.</source>
        <translation>Rule added: files named {pattern} go to {client}.</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>&amp;Add rule</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Add rule</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Dismiss</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Pattern</source>
        <translation>Pattern</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
</context>
<context>
    <name>SelectionCommands</name>
    <message>
        <source>Copied {n} rows for Excel.</source>
        <translation>Copied {n} rows for Excel.</translation>
    </message>
    <message>
        <source>Set {label} of {what}</source>
        <translation>Set {label} of {what}</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <source>you@yourfirm.com</source>
        <translation>you@yourfirm.com</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Sign-in problem</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Settings pages</translation>
    </message>
    <message>
        <source>Close the settings without it?</source>
        <translation>Close the settings without it?</translation>
    </message>
    <message>
        <source>Settings Not Saved</source>
        <translation>Settings Not Saved</translation>
    </message>
    <message>
        <source>Close without it</source>
        <translation>Close without it</translation>
    </message>
</context>
<context>
    <name>ShortcutSettingsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>Filter by command, category or key</source>
        <translation>Filter by command, category or key</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Filter shortcuts</translation>
    </message>
    <message>
        <source>Enter or F2: record new keys for the selected command · Backspace or Delete: remove them · Esc: cancel recording</source>
        <translation>Enter or F2: record new keys for the selected command · Backspace or Delete: remove them · Esc: cancel recording</translation>
    </message>
    <message>
        <source>&amp;Record…</source>
        <translation>&amp;Record…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Reset to &amp;default</source>
        <translation>Reset to &amp;default</translation>
    </message>
    <message>
        <source>Reset &amp;all</source>
        <translation>Reset &amp;all</translation>
    </message>
    <message>
        <source>Commands and their keys</source>
        <translation>Commands and their keys</translation>
    </message>
</context>
<context>
    <name>ShortcutsPage</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Each change applies as soon as no two commands share a key.</source>
        <translation>Each change applies as soon as no two commands share a key.</translation>
    </message>
    <message>
        <source>Not saved while two commands share a key; the shortcuts saved before still work.</source>
        <translation>Not saved while two commands share a key; the shortcuts saved before still work.</translation>
    </message>
    <message>
        <source>Saved. The new keys work now.</source>
        <translation>Saved. The new keys work now.</translation>
    </message>
    <message>
        <source>Your shortcut changes were not saved: {clash}</source>
        <translation>Your shortcut changes were not saved: {clash}</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Enter the address of your firm&apos;s AdvisorOS server, such as {example}.</source>
        <translation>Enter the address of your firm&apos;s AdvisorOS server, such as {example}.</translation>
    </message>
    <message>
        <source>The server address cannot contain spaces.</source>
        <translation>The server address cannot contain spaces.</translation>
    </message>
    <message>
        <source>“{scheme}://” is not a web address. Use an https:// address, such as {example}.</source>
        <translation>“{scheme}://” is not a web address. Use an https:// address, such as {example}.</translation>
    </message>
    <message>
        <source>Leave your email and password out of the address; type them in their own boxes.</source>
        <translation>Leave your email and password out of the address; type them in their own boxes.</translation>
    </message>
    <message>
        <source>The server address cannot contain “?” or “#”. Type only the server&apos;s address, such as {example}.</source>
        <translation>The server address cannot contain “?” or “#”. Type only the server&apos;s address, such as {example}.</translation>
    </message>
    <message>
        <source>“{typed}” has no valid server name. Try {example}.</source>
        <translation>“{typed}” has no valid server name. Try {example}.</translation>
    </message>
    <message>
        <source>The port number in the address must be between 1 and 65535.</source>
        <translation>The port number in the address must be between 1 and 65535.</translation>
    </message>
    <message>
        <source>Use https:// for a server on the network: AdvisorOS sends your password only over an encrypted connection. (http:// is accepted only for a server on this computer, such as http://localhost:8000.)</source>
        <translation>Use https:// for a server on the network: AdvisorOS sends your password only over an encrypted connection. (http:// is accepted only for a server on this computer, such as http://localhost:8000.)</translation>
    </message>
    <message>
        <source>Enter the email address you sign in with.</source>
        <translation>Enter the email address you sign in with.</translation>
    </message>
    <message>
        <source>“{email}” is not an email address.</source>
        <translation>“{email}” is not an email address.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Could not reach {address} — check the address and your connection. (The connection failed.)</source>
        <translation>Could not reach {address} — check the address and your connection. (The connection failed.)</translation>
    </message>
    <message>
        <source>Could not reach {address} — check the address and your connection. (No server by that name was found.)</source>
        <translation>Could not reach {address} — check the address and your connection. (No server by that name was found.)</translation>
    </message>
    <message>
        <source>Could not reach {address} — check the address and your connection. (Nothing answered at that address and port.)</source>
        <translation>Could not reach {address} — check the address and your connection. (Nothing answered at that address and port.)</translation>
    </message>
    <message>
        <source>Could not reach {address} — check the address and your connection. (The server did not answer in time.)</source>
        <translation>Could not reach {address} — check the address and your connection. (The server did not answer in time.)</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted by this computer ({why}). Your password was not sent. If your firm uses a certificate of its own, ask whoever looks after your computers to install it, then try again.</source>
        <translation>The server&apos;s certificate is not trusted by this computer ({why}). Your password was not sent. If your firm uses a certificate of its own, ask whoever looks after your computers to install it, then try again.</translation>
    </message>
    <message>
        <source>A secure connection to {address} could not be set up. Check the address: the server may not use https:// there.</source>
        <translation>A secure connection to {address} could not be set up. Check the address: the server may not use https:// there.</translation>
    </message>
    <message>
        <source>The server at {address} cannot answer right now (HTTP {status}). Try again in a few minutes.</source>
        <translation>The server at {address} cannot answer right now (HTTP {status}). Try again in a few minutes.</translation>
    </message>
    <message>
        <source>{address} answered, but it is not an AdvisorOS server. Check the address (your firm&apos;s administrator can give it to you).</source>
        <translation>{address} answered, but it is not an AdvisorOS server. Check the address (your firm&apos;s administrator can give it to you).</translation>
    </message>
    <message>
        <source>{address} sends visitors to another address. Type the AdvisorOS server&apos;s own address (your firm&apos;s administrator can give it to you).</source>
        <translation>{address} sends visitors to another address. Type the AdvisorOS server&apos;s own address (your firm&apos;s administrator can give it to you).</translation>
    </message>
    <message>
        <source>The email or password is not right.</source>
        <translation>The email or password is not right.</translation>
    </message>
    <message>
        <source>{server_says} Ask your firm&apos;s AdvisorOS administrator to enable it.</source>
        <translation>{server_says} Ask your firm&apos;s AdvisorOS administrator to enable it.</translation>
    </message>
    <message>
        <source>The server refused the sign-in: {server_says}</source>
        <translation>The server refused the sign-in: {server_says}</translation>
    </message>
    <message>
        <source>That signed in as {signed_in_as}, not {user}. To open another account, use File → Switch account….</source>
        <translation>That signed in as {signed_in_as}, not {user}. To open another account, use File → Switch account….</translation>
    </message>
    <message>
        <source>Signing in to {address} failed: {error}</source>
        <translation>Signing in to {address} failed: {error}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>on %1</source>
        <translation>on %1</translation>
    </message>
    <message>
        <source>on %1, open now</source>
        <translation>on %1, open now</translation>
    </message>
    <message>
        <source>&amp;Local workspace on this computer</source>
        <translation>&amp;Local workspace on this computer</translation>
    </message>
    <message>
        <source>Your records stay on this computer; no server or account is needed.</source>
        <translation>Your records stay on this computer; no server or account is needed.</translation>
    </message>
    <message>
        <source>Fill it with &amp;demo data</source>
        <translation>Fill it with &amp;demo data</translation>
    </message>
    <message>
        <source>Adds the fictional Demo CPA Firm: clients, engagements, tasks and documents.</source>
        <translation>Adds the fictional Demo CPA Firm: clients, engagements, tasks and documents.</translation>
    </message>
    <message>
        <source>%1 (open now)</source>
        <translation>%1 (open now)</translation>
    </message>
    <message>
        <source>Local workspace on this computer</source>
        <translation>Local workspace on this computer</translation>
    </message>
    <message>
        <source>&amp;Connect to another AdvisorOS server</source>
        <translation>&amp;Connect to another AdvisorOS server</translation>
    </message>
    <message>
        <source>&amp;Connect to an AdvisorOS server</source>
        <translation>&amp;Connect to an AdvisorOS server</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <source>The server asked for your password again. Your changes that are not sent yet stay on this computer and are sent once you are signed in.</source>
        <translation>The server asked for your password again. Your changes that are not sent yet stay on this computer and are sent once you are signed in.</translation>
    </message>
    <message>
        <source>Switch account</source>
        <translation>Switch account</translation>
    </message>
    <message>
        <source>Open another account</source>
        <translation>Open another account</translation>
    </message>
    <message>
        <source>Each account keeps its own records on this computer, with any changes not sent yet.</source>
        <translation>Each account keeps its own records on this computer, with any changes not sent yet.</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Where do you want to work?</source>
        <translation>Where do you want to work?</translation>
    </message>
    <message>
        <source>Open an account used on this computer before, or choose below.</source>
        <translation>Open an account used on this computer before, or choose below.</translation>
    </message>
    <message>
        <source>You can connect to your firm&apos;s server later, from the File menu.</source>
        <translation>You can connect to your firm&apos;s server later, from the File menu.</translation>
    </message>
    <message>
        <source>%1 — AdvisorOS Desktop</source>
        <translation>%1 — AdvisorOS Desktop</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Connecting was stopped; nothing was changed.</source>
        <translation>Connecting was stopped; nothing was changed.</translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly: %1</source>
        <translation>Signing in failed unexpectedly: %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync is paused: your changes are kept on this computer and sent when you resume; other people&apos;s changes arrive then too.</source>
        <translation>Sync is paused: your changes are kept on this computer and sent when you resume; other people&apos;s changes arrive then too.</translation>
    </message>
    <message>
        <source>Your changes are sent a moment after you make them.</source>
        <translation>Your changes are sent a moment after you make them.</translation>
    </message>
    <message>
        <source>Sync starts once the workspace is connected.</source>
        <translation>Sync starts once the workspace is connected.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>Sync every, in minutes</source>
        <translation>Sync every, in minutes</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>Sync &amp;every:</translation>
    </message>
    <message>
        <source>How often AdvisorOS asks the server for other people&apos;s changes, from 1 minute to 1,440 (a day). Press Enter to apply.</source>
        <translation>How often AdvisorOS asks the server for other people&apos;s changes, from 1 minute to 1,440 (a day). Press Enter to apply.</translation>
    </message>
    <message>
        <source>&amp;Pause sync</source>
        <translation>&amp;Pause sync</translation>
    </message>
    <message>
        <source>Sync:</source>
        <translation>Sync:</translation>
    </message>
    <message>
        <source>The sync interval “{typed}” was not saved: {problem}</source>
        <translation>The sync interval “{typed}” was not saved: {problem}</translation>
    </message>
</context>
<context>
    <name>SyncStatusIndicator</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>Sync paused</translation>
    </message>
    <message>
        <source>Your changes are kept and sent later.</source>
        <translation>Your changes are kept and sent later.</translation>
    </message>
    <message>
        <source>Sign in to send your changes.</source>
        <translation>Sign in to send your changes.</translation>
    </message>
    <message>
        <source>{n} change to send</source>
        <translation>{n} change to send</translation>
    </message>
    <message>
        <source>{n} changes to send</source>
        <translation>{n} changes to send</translation>
    </message>
    <message>
        <source>{n} conflict</source>
        <translation>{n} conflict</translation>
    </message>
    <message>
        <source>{n} conflicts</source>
        <translation>{n} conflicts</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>Last sync time unknown</source>
        <translation>Last sync time unknown</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Synced just now</translation>
    </message>
    <message>
        <source>Synced {n} min ago</source>
        <translation>Synced {n} min ago</translation>
    </message>
    <message>
        <source>Synced {n} h ago</source>
        <translation>Synced {n} h ago</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <translation>MMM d, yyyy</translation>
    </message>
    <message>
        <source>Synced on {date}</source>
        <translation>Synced on {date}</translation>
    </message>
    <message>
        <source>Show the conflicts to decide</source>
        <translation>Show the conflicts to decide</translation>
    </message>
    <message>
        <source>Sync status: {0}</source>
        <translation>Sync status: {0}</translation>
    </message>
    <message>
        <source>Last sync: {0}</source>
        <translation>Last sync: {0}</translation>
    </message>
    <message>
        <source>Click, or press Enter, to see the changes waiting to be sent.</source>
        <translation>Click, or press Enter, to see the changes waiting to be sent.</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Same as the computer</source>
        <translation>Same as the computer</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>{n} conflict needs you</source>
        <translation>{n} conflict needs you</translation>
    </message>
    <message>
        <source>{n} conflicts need you</source>
        <translation>{n} conflicts need you</translation>
    </message>
    <message>
        <source>{n} file could not be added</source>
        <translation>{n} file could not be added</translation>
    </message>
    <message>
        <source>{n} files could not be added</source>
        <translation>{n} files could not be added</translation>
    </message>
    <message>
        <source>{n} file needs a client</source>
        <translation>{n} file needs a client</translation>
    </message>
    <message>
        <source>{n} files need a client</source>
        <translation>{n} files need a client</translation>
    </message>
    <message>
        <source>{n} change waiting</source>
        <translation>{n} change waiting</translation>
    </message>
    <message>
        <source>{n} changes waiting</source>
        <translation>{n} changes waiting</translation>
    </message>
    <message>
        <source>Uploading {n} file</source>
        <translation>Uploading {n} file</translation>
    </message>
    <message>
        <source>Uploading {n} files</source>
        <translation>Uploading {n} files</translation>
    </message>
    <message>
        <source>{n} upload paused</source>
        <translation>{n} upload paused</translation>
    </message>
    <message>
        <source>{n} uploads paused</source>
        <translation>{n} uploads paused</translation>
    </message>
    <message>
        <source>{n} file added</source>
        <translation>{n} file added</translation>
    </message>
    <message>
        <source>{n} files added</source>
        <translation>{n} files added</translation>
    </message>
    <message>
        <source>{n} needs a client.</source>
        <translation>{n} needs a client.</translation>
    </message>
    <message>
        <source>{n} need a client.</source>
        <translation>{n} need a client.</translation>
    </message>
    <message>
        <source>{n} was there already.</source>
        <translation>{n} was there already.</translation>
    </message>
    <message>
        <source>{n} were there already.</source>
        <translation>{n} were there already.</translation>
    </message>
    <message>
        <source>A change needs your decision</source>
        <translation>A change needs your decision</translation>
    </message>
    <message>
        <source>{n} changes need your decision</source>
        <translation>{n} changes need your decision</translation>
    </message>
    <message>
        <source>Signed out; sign in to send your changes</source>
        <translation>Signed out; sign in to send your changes</translation>
    </message>
    <message>
        <source>Offline, {waiting}</source>
        <translation>Offline, {waiting}</translation>
    </message>
    <message>
        <source>Offline; your changes are kept and sent later</source>
        <translation>Offline; your changes are kept and sent later</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <source>Sync paused, {waiting}</source>
        <translation>Sync paused, {waiting}</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>Sync paused</translation>
    </message>
    <message>
        <source>Everything is sent</source>
        <translation>Everything is sent</translation>
    </message>
    <message>
        <source> to {client}</source>
        <translation> to {client}</translation>
    </message>
    <message>
        <source> to {n} clients</source>
        <translation> to {n} clients</translation>
    </message>
    <message>
        <source>{n} could not be added.</source>
        <translation>{n} could not be added.</translation>
    </message>
    <message>
        <source>Retry them in Intake.</source>
        <translation>Retry them in Intake.</translation>
    </message>
    <message>
        <source>Some files could not be added</source>
        <translation>Some files could not be added</translation>
    </message>
    <message>
        <source>Files could not be added</source>
        <translation>Files could not be added</translation>
    </message>
    <message>
        <source>Files added</source>
        <translation>Files added</translation>
    </message>
    <message>
        <source>Files need a client</source>
        <translation>Files need a client</translation>
    </message>
    <message>
        <source>Nothing new to add</source>
        <translation>Nothing new to add</translation>
    </message>
    <message>
        <source>no reason was given</source>
        <translation>no reason was given</translation>
    </message>
    <message>
        <source>A file could not be added</source>
        <translation>A file could not be added</translation>
    </message>
    <message>
        <source>{name}: {reason}. Retry it in Intake.</source>
        <translation>{name}: {reason}. Retry it in Intake.</translation>
    </message>
    <message>
        <source>{names} and {n} more</source>
        <translation>{names} and {n} more</translation>
    </message>
    <message>
        <source>{names}. Retry them in Intake.</source>
        <translation>{names}. Retry them in Intake.</translation>
    </message>
    <message>
        <source>Someone else changed what you changed. Choose which values to keep in Conflicts.</source>
        <translation>Someone else changed what you changed. Choose which values to keep in Conflicts.</translation>
    </message>
    <message>
        <source>{n} conflicts wait in all.</source>
        <translation>{n} conflicts wait in all.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Open AdvisorOS</source>
        <translation>Open AdvisorOS</translation>
    </message>
</context>
<context>
    <name>TriageList</name>
    <message>
        <source>{n} file</source>
        <translation>{n} file</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} files</translation>
    </message>
    <message>
        <source>Unsorted files</source>
        <translation>Unsorted files</translation>
    </message>
    <message>
        <source>Choose the client for {name}</source>
        <translation>Choose the client for {name}</translation>
    </message>
    <message>
        <source>Choose the client for {files}</source>
        <translation>Choose the client for {files}</translation>
    </message>
    <message>
        <source>{sent} sent to their suggested clients; choose a client for {rest}.</source>
        <translation>{sent} sent to their suggested clients; choose a client for {rest}.</translation>
    </message>
    <message>
        <source>the chosen client</source>
        <translation>the chosen client</translation>
    </message>
    <message>
        <source>Sending {files} to {client}.</source>
        <translation>Sending {files} to {client}.</translation>
    </message>
    <message>
        <source>Sending {files} to their suggested clients.</source>
        <translation>Sending {files} to their suggested clients.</translation>
    </message>
    <message>
        <source>Files from watched folders whose client is not certain. Enter sends the selected files to the suggested client; type a name or press Ctrl+Enter to choose another.</source>
        <translation>Files from watched folders whose client is not certain. Enter sends the selected files to the suggested client; type a name or press Ctrl+Enter to choose another.</translation>
    </message>
    <message>
        <source>Nothing to sort. Files from watched folders whose client is not certain wait here for you to choose.</source>
        <translation>Nothing to sort. Files from watched folders whose client is not certain wait here for you to choose.</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>Why: {reason}</translation>
    </message>
</context>
<context>
    <name>UndoToast</name>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
</context>
<context>
    <name>UploadQueueModel</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Suggested client</source>
        <translation>Suggested client</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>No suggestion</source>
        <translation>No suggestion</translation>
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
        <translation>Validation message</translation>
    </message>
</context>
<context>
    <name>ValidationMessages</name>
    <message>
        <source>Tax ID must be 9 digits, like 12-3456789 or 123-45-6789.</source>
        <translation>Tax ID must be 9 digits, like 12-3456789 or 123-45-6789.</translation>
    </message>
    <message>
        <source>Pick a user from the list.</source>
        <translation>Pick a user from the list.</translation>
    </message>
    <message>
        <source>Pick a client from the list.</source>
        <translation>Pick a client from the list.</translation>
    </message>
    <message>
        <source>Pick an engagement from the list.</source>
        <translation>Pick an engagement from the list.</translation>
    </message>
    <message>
        <source>Pick a task from the list.</source>
        <translation>Pick a task from the list.</translation>
    </message>
    <message>
        <source>Pick a document from the list.</source>
        <translation>Pick a document from the list.</translation>
    </message>
    <message>
        <source>Pick a record from the list.</source>
        <translation>Pick a record from the list.</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} is required.</translation>
    </message>
    <message>
        <source>{label} must be an email address, like name@example.com.</source>
        <translation>{label} must be an email address, like name@example.com.</translation>
    </message>
    <message>
        <source>{label} must be a phone number of 7 to 15 digits, like (512) 555-0142.</source>
        <translation>{label} must be a phone number of 7 to 15 digits, like (512) 555-0142.</translation>
    </message>
    <message>
        <source>{label} must be a date, like {example}.</source>
        <translation>{label} must be a date, like {example}.</translation>
    </message>
    <message>
        <source>{label} must be one of: {options}.</source>
        <translation>{label} must be one of: {options}.</translation>
    </message>
    <message>
        <source>No EIN starts with {prefix}: the IRS does not assign that prefix. Check the number on the client&apos;s IRS letter.</source>
        <translation>No EIN starts with {prefix}: the IRS does not assign that prefix. Check the number on the client&apos;s IRS letter.</translation>
    </message>
    <message>
        <source>No SSN starts with {area}: that area number is never issued.</source>
        <translation>No SSN starts with {area}: that area number is never issued.</translation>
    </message>
    <message>
        <source>No SSN has 00 as its middle two digits or 0000 as its last four.</source>
        <translation>No SSN has 00 as its middle two digits or 0000 as its last four.</translation>
    </message>
    <message>
        <source>{label} can have at most two decimals (whole cents).</source>
        <translation>{label} can have at most two decimals (whole cents).</translation>
    </message>
    <message>
        <source>{label} is too large to be an amount of money.</source>
        <translation>{label} is too large to be an amount of money.</translation>
    </message>
    <message>
        <source>{label} must be an amount, like 1,250.00.</source>
        <translation>{label} must be an amount, like 1,250.00.</translation>
    </message>
    <message>
        <source>{label} must be between {low} and {high}.</source>
        <translation>{label} must be between {low} and {high}.</translation>
    </message>
    <message>
        <source>{label} must be a year, like 2025.</source>
        <translation>{label} must be a year, like 2025.</translation>
    </message>
    <message>
        <source>{label} must be a whole number, like 1200.</source>
        <translation>{label} must be a whole number, like 1200.</translation>
    </message>
    <message>
        <source>{label} must be a number, like 0.95.</source>
        <translation>{label} must be a number, like 0.95.</translation>
    </message>
    <message>
        <source>{label} is too long: {typed} characters, at most {most}.</source>
        <translation>{label} is too long: {typed} characters, at most {most}.</translation>
    </message>
    <message>
        <source>{label} contains an invisible NUL character, which cannot be saved.</source>
        <translation>{label} contains an invisible NUL character, which cannot be saved.</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
</context>
<context>
    <name>WatchedFolderEditor</name>
    <message>
        <source>Mo&amp;ve to .processed</source>
        <translation>Mo&amp;ve to .processed</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Leave in place</source>
        <translation>&amp;Leave in place</translation>
    </message>
    <message>
        <source>Uploaded files go to .processed/&lt;date&gt;/ inside this folder, once the server has confirmed it has them.</source>
        <translation>Uploaded files go to .processed/&lt;date&gt;/ inside this folder, once the server has confirmed it has them.</translation>
    </message>
    <message>
        <source>Uploaded files are deleted, but only after the server has confirmed it has the file; a file that failed is never deleted.</source>
        <translation>Uploaded files are deleted, but only after the server has confirmed it has the file; a file that failed is never deleted.</translation>
    </message>
    <message>
        <source>Uploaded files stay where they are; AdvisorOS remembers them and does not take them again.</source>
        <translation>Uploaded files stay where they are; AdvisorOS remembers them and does not take them again.</translation>
    </message>
    <message>
        <source>&amp;Network share</source>
        <translation>&amp;Network share</translation>
    </message>
    <message>
        <source>Check every</source>
        <translation>Check every</translation>
    </message>
    <message>
        <source>— check ever&amp;y</source>
        <translation>— check ever&amp;y</translation>
    </message>
    <message>
        <source>Check the folder every few seconds instead of waiting for notifications: network shares often do not send them.</source>
        <translation>Check the folder every few seconds instead of waiting for notifications: network shares often do not send them.</translation>
    </message>
    <message>
        <source>Quiet period</source>
        <translation>Quiet period</translation>
    </message>
    <message>
        <source>A file is taken once its size and time have not changed for this long, so a scan still being written is never taken half-way.</source>
        <translation>A file is taken once its size and time have not changed for this long, so a scan still being written is never taken half-way.</translation>
    </message>
    <message>
        <source>All files go to client</source>
        <translation>All files go to client</translation>
    </message>
    <message>
        <source>None: routed file by file</source>
        <translation>None: routed file by file</translation>
    </message>
    <message>
        <source>Checking:</source>
        <translation>Checking:</translation>
    </message>
    <message>
        <source>&amp;Quiet period:</source>
        <translation>&amp;Quiet period:</translation>
    </message>
    <message>
        <source>After upload:</source>
        <translation>After upload:</translation>
    </message>
    <message>
        <source>All files go to &amp;client:</source>
        <translation>All files go to &amp;client:</translation>
    </message>
    <message>
        <source>No folder selected.</source>
        <translation>No folder selected.</translation>
    </message>
</context>
<context>
    <name>WatchedFoldersDialog</name>
    <message>
        <source>No folder is watched yet. Add the folder your scanner or “print to PDF” saves into; every file that appears there is uploaded to the right client.</source>
        <translation>No folder is watched yet. Add the folder your scanner or “print to PDF” saves into; every file that appears there is uploaded to the right client.</translation>
    </message>
    <message>
        <source>{folder} is where AdvisorOS keeps its own data ({data}). Choose the folder your scanner or “print to PDF” saves into.</source>
        <translation>{folder} is where AdvisorOS keeps its own data ({data}). Choose the folder your scanner or “print to PDF” saves into.</translation>
    </message>
    <message>
        <source>{folder} contains the folder where AdvisorOS keeps its own data ({data}), so AdvisorOS would upload its own files. Choose the folder your scanner or “print to PDF” saves into.</source>
        <translation>{folder} contains the folder where AdvisorOS keeps its own data ({data}), so AdvisorOS would upload its own files. Choose the folder your scanner or “print to PDF” saves into.</translation>
    </message>
    <message>
        <source>{folder} is already watched.</source>
        <translation>{folder} is already watched.</translation>
    </message>
    <message>
        <source>{folder} is inside {watched}, which is already watched: its files are taken from there already.</source>
        <translation>{folder} is inside {watched}, which is already watched: its files are taken from there already.</translation>
    </message>
    <message>
        <source>{folder} contains {watched}, which is already watched, so its files would be taken twice. Remove {watched} first to watch all of {folder}.</source>
        <translation>{folder} contains {watched}, which is already watched, so its files would be taken twice. Remove {watched} first to watch all of {folder}.</translation>
    </message>
    <message>
        <source>Watched Folders</source>
        <translation>Watched Folders</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>&amp;Folders</translation>
    </message>
    <message>
        <source>Filename &amp;rules</source>
        <translation>Filename &amp;rules</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>Watched folders</translation>
    </message>
    <message>
        <source>&amp;Watched folders:</source>
        <translation>&amp;Watched folders:</translation>
    </message>
    <message>
        <source>&amp;Add folder…</source>
        <translation>&amp;Add folder…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Space: pause or resume · Delete: remove</source>
        <translation>Space: pause or resume · Delete: remove</translation>
    </message>
    <message>
        <source>Choose a folder to watch</source>
        <translation>Choose a folder to watch</translation>
    </message>
    <message>
        <source>Stop watching {path}?

The files already in it stay where they are; nothing there is moved or deleted.</source>
        <translation>Stop watching {path}?

The files already in it stay where they are; nothing there is moved or deleted.</translation>
    </message>
    <message>
        <source>Remove Watched Folder</source>
        <translation>Remove Watched Folder</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>Stop watching</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Res&amp;ume</translation>
    </message>
</context>
<context>
    <name>WindowIntake</name>
    <message>
        <source>The client of the current document ({caption}).</source>
        <translation>The client of the current document ({caption}).</translation>
    </message>
    <message>
        <source>The client of the current engagement ({caption}).</source>
        <translation>The client of the current engagement ({caption}).</translation>
    </message>
    <message>
        <source>The client of the current task ({caption}).</source>
        <translation>The client of the current task ({caption}).</translation>
    </message>
    <message>
        <source>The client of the current record ({caption}).</source>
        <translation>The client of the current record ({caption}).</translation>
    </message>
    <message>
        <source>{n} file</source>
        <translation>{n} file</translation>
    </message>
    <message>
        <source>{n} files</source>
        <translation>{n} files</translation>
    </message>
    <message>
        <source>The client in view.</source>
        <translation>The client in view.</translation>
    </message>
    <message>
        <source>The client of the engagement in view.</source>
        <translation>The client of the engagement in view.</translation>
    </message>
    <message>
        <source>The client selected in the list.</source>
        <translation>The client selected in the list.</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Add files</translation>
    </message>
    <message>
        <source>Add a folder of files</source>
        <translation>Add a folder of files</translation>
    </message>
    <message>
        <source>Watched folders cannot be set up in this version.</source>
        <translation>Watched folders cannot be set up in this version.</translation>
    </message>
    <message>
        <source>Pausing {files}.</source>
        <translation>Pausing {files}.</translation>
    </message>
    <message>
        <source>Nothing is uploading; nothing to pause.</source>
        <translation>Nothing is uploading; nothing to pause.</translation>
    </message>
    <message>
        <source>Resuming {files}.</source>
        <translation>Resuming {files}.</translation>
    </message>
    <message>
        <source>No upload is paused.</source>
        <translation>No upload is paused.</translation>
    </message>
</context>
<context>
    <name>WindowReview</name>
    <message>
        <source>This document has no extracted fields yet.</source>
        <translation>This document has no extracted fields yet.</translation>
    </message>
    <message>
        <source>The review opens once the workspace is connected; try again in a moment.</source>
        <translation>The review opens once the workspace is connected; try again in a moment.</translation>
    </message>
    <message>
        <source>Your user is not in this computer&apos;s copy yet; sync, then open the document again.</source>
        <translation>Your user is not in this computer&apos;s copy yet; sync, then open the document again.</translation>
    </message>
    <message>
        <source>That was the last document to review.</source>
        <translation>That was the last document to review.</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>or</source>
        <translation>or</translation>
    </message>
</context>
</TS>
