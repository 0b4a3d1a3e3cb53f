<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en_US">
<context>
    <name>ConnectionState</name>
    <message>
        <source>Local workspace</source>
        <translation>Espacio de trabajo local</translation>
    </message>
    <message>
        <source>Offline — changes are queued</source>
        <translation>Sin conexión: los cambios quedan en cola</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Sign-in required</source>
        <translation>Es necesario iniciar sesión</translation>
    </message>
    <message>
        <source>Server certificate rejected</source>
        <translation>Certificado del servidor rechazado</translation>
    </message>
    <message>
        <source>Server is newer — update the workstation</source>
        <translation>El servidor es más reciente: actualice la estación de trabajo</translation>
    </message>
</context>
<context>
    <name>LocalCache</name>
    <message>
        <source>This local cache was written by a newer version of Upstream Workstation (schema %1, this program knows %2). Update the workstation; the cache was not changed.</source>
        <translation>Esta caché local la escribió una versión más reciente de Upstream Workstation (esquema %1; este programa conoce hasta el %2). Actualice la estación de trabajo; la caché no se ha modificado.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No saved secret was found in the system keychain.</source>
        <translation>No se encontró ningún secreto guardado en el llavero del sistema.</translation>
    </message>
    <message>
        <source>The system keychain could not %1: %2. Make sure a keyring is available and unlocked.</source>
        <translation>El llavero del sistema no pudo %1: %2. Compruebe que haya un llavero disponible y desbloqueado.</translation>
    </message>
    <message>
        <source>The workspace key file has an unknown format.</source>
        <translation>El archivo de clave del espacio de trabajo tiene un formato desconocido.</translation>
    </message>
    <message>
        <source>The workspace key file is damaged.</source>
        <translation>El archivo de clave del espacio de trabajo está dañado.</translation>
    </message>
    <message>
        <source>A password is required to protect the workspace.</source>
        <translation>Se necesita una contraseña para proteger el espacio de trabajo.</translation>
    </message>
    <message>
        <source>Not enough memory to protect the workspace key.</source>
        <translation>No hay memoria suficiente para proteger la clave del espacio de trabajo.</translation>
    </message>
    <message>
        <source>Not enough memory to open the workspace key.</source>
        <translation>No hay memoria suficiente para abrir la clave del espacio de trabajo.</translation>
    </message>
    <message>
        <source>The password is wrong, or this device&apos;s secret does not match the workspace.</source>
        <translation>La contraseña es incorrecta o el secreto de este dispositivo no corresponde al espacio de trabajo.</translation>
    </message>
    <message>
        <source>Signed in, but the server&apos;s Upstream schema is not readable for this user: %1</source>
        <translation>Sesión iniciada, pero este usuario no puede leer el esquema de Upstream del servidor: %1</translation>
    </message>
    <message>
        <source>This user is not a member of any customer, or has been disabled. Ask your administrator.</source>
        <translation>Este usuario no pertenece a ningún cliente o está deshabilitado. Consulte a su administrador.</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Establecido por su departamento de TI</translation>
    </message>
</context>
<context>
    <name>upstream::alerts</name>
    <message>
        <source>Suppressed: marked noise %1 times in the last 30 days</source>
        <translation type="vanished">Silenciada: marcada como ruido %1 veces en los últimos 30 días</translation>
    </message>
    <message>
        <source>Suppressed: a similar alert was raised %1 min ago (4 h cooldown)</source>
        <translation type="vanished">Silenciada: se generó una alerta similar hace %1 min (pausa de 4 h)</translation>
    </message>
    <message>
        <source>The alert no longer exists. Refresh the list and try again.</source>
        <translation type="vanished">La alerta ya no existe. Actualice la lista y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>There is no verdict to undo on this alert.</source>
        <translation type="vanished">No hay ningún veredicto que deshacer en esta alerta.</translation>
    </message>
    <message>
        <source>marked noise today</source>
        <translation type="vanished">marcada como ruido hoy</translation>
    </message>
    <message>
        <source>marked noise yesterday</source>
        <translation type="vanished">marcada como ruido ayer</translation>
    </message>
    <message>
        <source>marked noise %1 days ago</source>
        <translation type="vanished">marcada como ruido hace %1 días</translation>
    </message>
    <message>
        <source>confirmed real today</source>
        <translation type="vanished">confirmada como real hoy</translation>
    </message>
    <message>
        <source>confirmed real yesterday</source>
        <translation type="vanished">confirmada como real ayer</translation>
    </message>
    <message>
        <source>confirmed real %1 days ago</source>
        <translation type="vanished">confirmada como real hace %1 días</translation>
    </message>
    <message>
        <source>confirmed real, $%1 recovered</source>
        <translation type="vanished">confirmada como real, $%1 recuperados</translation>
    </message>
    <message>
        <source>follow-up open</source>
        <translation type="vanished">seguimiento abierto</translation>
    </message>
</context>
<context>
    <name>upstream::app::WorkstationSession</name>
    <message>
        <source>Demo workspace</source>
        <translation>Espacio de trabajo de demostración</translation>
    </message>
    <message>
        <source>demo user</source>
        <translation>usuario de demostración</translation>
    </message>
    <message>
        <source>Working offline on this computer&apos;s copy.</source>
        <translation>Trabajando sin conexión con la copia de este equipo.</translation>
    </message>
</context>
<context>
    <name>upstream::csv::CsvBlockReader</name>
    <message>
        <source>cannot open the file: %1</source>
        <translation type="vanished">no se puede abrir el archivo: %1</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation type="vanished">no se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>the cryptography library failed to start</source>
        <translation type="vanished">no se pudo iniciar la biblioteca criptográfica</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="vanished">el archivo está vacío</translation>
    </message>
    <message>
        <source>the file looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM) and try again</source>
        <translation type="vanished">el archivo parece UTF-16 sin marca de orden de bytes; guárdelo como UTF-8 (o UTF-16 con BOM) y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>the file contains binary data, not CSV text</source>
        <translation type="vanished">el archivo contiene datos binarios, no texto CSV</translation>
    </message>
    <message>
        <source>the header row is longer than %1 MiB; check for an unterminated quote</source>
        <translation type="vanished">la fila de encabezado ocupa más de %1 MiB; compruebe si hay comillas sin cerrar</translation>
    </message>
    <message>
        <source>the header row has an unterminated quote</source>
        <translation type="vanished">la fila de encabezado tiene comillas sin cerrar</translation>
    </message>
    <message>
        <source>a header name is longer than %1 MiB</source>
        <translation type="vanished">un nombre de encabezado ocupa más de %1 MiB</translation>
    </message>
    <message>
        <source>the header has %1 columns; at most %2 are supported</source>
        <translation type="vanished">el encabezado tiene %1 columnas; se admiten como máximo %2</translation>
    </message>
    <message>
        <source>the file has a header row but no data rows</source>
        <translation type="vanished">el archivo tiene fila de encabezado pero ninguna fila de datos</translation>
    </message>
    <message>
        <source>a row is longer than %1 MiB (fields are limited to %2 MiB); check for an unterminated quote or an oversized field</source>
        <translation type="vanished">una fila ocupa más de %1 MiB (los campos están limitados a %2 MiB); compruebe si hay comillas sin cerrar o un campo demasiado grande</translation>
    </message>
</context>
<context>
    <name>upstream::demo</name>
    <message>
        <source>Cannot write %1: %2. Check the path and free space.</source>
        <translation type="vanished">No se puede escribir %1: %2. Compruebe la ruta y el espacio libre.</translation>
    </message>
</context>
<context>
    <name>upstream::engines</name>
    <message>
        <source>The aggregate query returned an unexpected shape.</source>
        <translation type="vanished">La consulta de agregados devolvió un resultado con una forma inesperada.</translation>
    </message>
</context>
<context>
    <name>upstream::importer</name>
    <message>
        <source>required value %1 is empty</source>
        <translation type="vanished">el valor obligatorio %1 está vacío</translation>
    </message>
    <message>
        <source>the row has %1 fields, fewer than the header</source>
        <translation type="vanished">la fila tiene %1 campos, menos que el encabezado</translation>
    </message>
    <message>
        <source>the row has %1 fields, more than the header</source>
        <translation type="vanished">la fila tiene %1 campos, más que el encabezado</translation>
    </message>
    <message>
        <source>%1 contains protected health information (%2); the value is not kept</source>
        <translation type="vanished">%1 contiene información de salud protegida (%2); el valor no se conserva</translation>
    </message>
    <message>
        <source>%1 is not a date (use YYYY-MM-DD or MM/DD/YYYY)</source>
        <translation type="vanished">%1 no es una fecha (use AAAA-MM-DD o MM/DD/AAAA)</translation>
    </message>
    <message>
        <source>%1 is after the import date</source>
        <translation type="vanished">%1 es posterior a la fecha de importación</translation>
    </message>
    <message>
        <source>decided_date is before submitted_date</source>
        <translation type="vanished">decided_date es anterior a submitted_date</translation>
    </message>
    <message>
        <source>%1 is not an amount</source>
        <translation type="vanished">%1 no es un importe</translation>
    </message>
    <message>
        <source>%1 is too long</source>
        <translation type="vanished">%1 es demasiado largo</translation>
    </message>
    <message>
        <source>cpt is not a CPT, HCPCS or Category II/III code</source>
        <translation type="vanished">cpt no es un código CPT, HCPCS ni de Categoría II/III</translation>
    </message>
    <message>
        <source>outcome is neither paid nor denied; stored as OTHER</source>
        <translation type="vanished">outcome no es ni pagada ni denegada; se guarda como OTHER</translation>
    </message>
    <message>
        <source>%1 is outside 0 to 1,000,000</source>
        <translation type="vanished">%1 está fuera del intervalo de 0 a 1.000.000</translation>
    </message>
    <message>
        <source>billed_amount is negative</source>
        <translation type="vanished">billed_amount es negativo</translation>
    </message>
    <message>
        <source>billed_amount is less than allowed_amount</source>
        <translation type="vanished">billed_amount es menor que allowed_amount</translation>
    </message>
    <message>
        <source>paid_amount is negative</source>
        <translation type="vanished">paid_amount es negativo</translation>
    </message>
    <message>
        <source>paid_amount is more than allowed_amount</source>
        <translation type="vanished">paid_amount es mayor que allowed_amount</translation>
    </message>
    <message>
        <source>payment_date is not a date; stored empty</source>
        <translation type="vanished">payment_date no es una fecha; se guarda vacío</translation>
    </message>
    <message>
        <source>payment_date is before decided_date; stored empty</source>
        <translation type="vanished">payment_date es anterior a decided_date; se guarda vacío</translation>
    </message>
    <message>
        <source>denial_reason_code is not a CARC/group code</source>
        <translation type="vanished">denial_reason_code no es un código CARC ni de grupo</translation>
    </message>
    <message>
        <source>denied claim without a denial_reason_code</source>
        <translation type="vanished">reclamación denegada sin denial_reason_code</translation>
    </message>
    <message>
        <source>denial_reason_text contains protected health information (%1); the text was blanked</source>
        <translation type="vanished">denial_reason_text contiene información de salud protegida (%1); el texto se ha borrado</translation>
    </message>
    <message>
        <source>denial_reason_text is longer than 500 characters; truncated</source>
        <translation type="vanished">denial_reason_text supera los 500 caracteres; se ha truncado</translation>
    </message>
    <message>
        <source>invalid UTF-8; read as Windows-1252</source>
        <translation type="vanished">UTF-8 no válido; se ha leído como Windows-1252</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation type="vanished">columna %1</translation>
    </message>
    <message>
        <source>duplicate header &apos;%1&apos; in columns %2 and %3; rename one of them</source>
        <translation type="vanished">encabezado &apos;%1&apos; duplicado en las columnas %2 y %3; cambie el nombre de una de ellas</translation>
    </message>
    <message>
        <source>the mapping refers to column %1, but the file has %2</source>
        <translation type="vanished">la asignación hace referencia a la columna %1, pero el archivo tiene %2</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is mapped to two claim fields</source>
        <translation type="vanished">la columna &apos;%1&apos; está asignada a dos campos de la reclamación</translation>
    </message>
    <message>
        <source>missing required columns: %1; map them or add them to the file</source>
        <translation type="vanished">faltan columnas obligatorias: %1; asígnelas o añádalas al archivo</translation>
    </message>
    <message>
        <source>row %1 has an unterminated quote: a quoted field never ends</source>
        <translation type="vanished">la fila %1 tiene comillas sin cerrar: un campo entre comillas nunca termina</translation>
    </message>
    <message>
        <source>row %1 has a field longer than %2 MiB, the field size limit</source>
        <translation type="vanished">la fila %1 tiene un campo de más de %2 MiB, el tamaño máximo de campo</translation>
    </message>
    <message>
        <source>cannot write the rejected rows: %1</source>
        <translation type="vanished">no se pueden escribir las filas rechazadas: %1</translation>
    </message>
    <message>
        <source>validation cancelled</source>
        <translation type="vanished">validación cancelada</translation>
    </message>
    <message>
        <source>the file has a header row but no data rows</source>
        <translation type="vanished">el archivo tiene fila de encabezado pero ninguna fila de datos</translation>
    </message>
</context>
<context>
    <name>upstream::importer::MappingMemory</name>
    <message>
        <source>cannot read the saved column mappings: %1</source>
        <translation type="vanished">no se pueden leer las asignaciones de columnas guardadas: %1</translation>
    </message>
    <message>
        <source>cannot save the column mappings: %1</source>
        <translation type="vanished">no se pueden guardar las asignaciones de columnas: %1</translation>
    </message>
</context>
<context>
    <name>upstream::security::SecretStore</name>
    <message>
        <source>read a secret</source>
        <translation>leer un secreto</translation>
    </message>
    <message>
        <source>store a secret</source>
        <translation>guardar un secreto</translation>
    </message>
    <message>
        <source>delete a secret</source>
        <translation>eliminar un secreto</translation>
    </message>
</context>
<context>
    <name>upstream::session::SignInService</name>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Demasiados intentos fallidos. Vuelva a intentarlo dentro de %n segundo.</numerusform>
            <numerusform>Demasiados intentos fallidos. Vuelva a intentarlo dentro de %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Introduzca su nombre de usuario y su contraseña.</translation>
    </message>
    <message>
        <source>No server is configured. Enter the server&apos;s host and database.</source>
        <translation>No hay ningún servidor configurado. Introduzca el servidor y la base de datos.</translation>
    </message>
    <message>
        <source>The server cannot be reached and the password does not open this computer&apos;s offline copy. Check the password, or try again when the server is reachable.</source>
        <translation>No se puede contactar con el servidor y la contraseña no abre la copia sin conexión de este equipo. Compruebe la contraseña o vuelva a intentarlo cuando el servidor esté disponible.</translation>
    </message>
</context>
<context>
    <name>upstream::views::AboutDialog</name>
    <message>
        <source>About Upstream Workstation</source>
        <translation>Acerca de Upstream Workstation</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Upstream Workstation&lt;/h2&gt;&lt;p&gt;Finds and recovers money lost to payers: DriftWatch, DenialScope and DelayGuard.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Upstream Workstation&lt;/h2&gt;&lt;p&gt;Detecta y recupera el dinero que se pierde con los pagadores: DriftWatch, DenialScope y DelayGuard.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versión:</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>PostgreSQL client (libpq):</source>
        <translation>Cliente de PostgreSQL (libpq):</translation>
    </message>
    <message>
        <source>SQLCipher:</source>
        <translation>SQLCipher:</translation>
    </message>
</context>
<context>
    <name>upstream::views::LockController</name>
    <message>
        <source>&amp;Lock Workstation</source>
        <translation>&amp;Bloquear la estación de trabajo</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Demasiados intentos fallidos. Vuelva a intentarlo dentro de %n segundo.</numerusform>
            <numerusform>Demasiados intentos fallidos. Vuelva a intentarlo dentro de %n segundos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>upstream::views::LockScreen</name>
    <message>
        <source>&lt;h2&gt;Upstream Workstation is locked&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Upstream Workstation está bloqueada&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Your work is kept. Enter your password to continue.</source>
        <translation>Su trabajo se conserva. Introduzca su contraseña para continuar.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
</context>
<context>
    <name>upstream::views::MainWindow</name>
    <message>
        <source>Upstream Workstation</source>
        <translation>Upstream Workstation</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>DriftWatch</source>
        <translation>DriftWatch</translation>
    </message>
    <message>
        <source>DenialScope</source>
        <translation>DenialScope</translation>
    </message>
    <message>
        <source>DelayGuard</source>
        <translation>DelayGuard</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importación</translation>
    </message>
    <message>
        <source>Recovery ledger</source>
        <translation>Recuperaciones</translation>
    </message>
    <message>
        <source>Payer denial-rate and decision-time drift against each payer&apos;s baseline.</source>
        <translation>Desviación de la tasa de denegación y del tiempo de decisión de cada pagador respecto a su línea base.</translation>
    </message>
    <message>
        <source>Denial reasons that spiked or appeared for the first time.</source>
        <translation>Motivos de denegación que se dispararon o aparecieron por primera vez.</translation>
    </message>
    <message>
        <source>Payers that started paying or deciding slower, with dollars at risk.</source>
        <translation>Pagadores que empezaron a pagar o a decidir más despacio, con los dólares en riesgo.</translation>
    </message>
    <message>
        <source>Import claim CSV exports with live validation and data-quality scoring.</source>
        <translation>Importación de exportaciones CSV de reclamaciones con validación en vivo y puntuación de la calidad de los datos.</translation>
    </message>
    <message>
        <source>Recovery ledger: expected and recovered amounts, approvals and history.</source>
        <translation>Registro de recuperaciones: importes esperados y recuperados, aprobaciones e historial.</translation>
    </message>
    <message>
        <source>Nothing to show yet in this workspace.</source>
        <translation>Todavía no hay nada que mostrar en este espacio de trabajo.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Upstream Workstation</source>
        <translation>&amp;Acerca de Upstream Workstation</translation>
    </message>
</context>
<context>
    <name>upstream::views::SignInDialog</name>
    <message>
        <source>Sign in to Upstream</source>
        <translation>Iniciar sesión en Upstream</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Nombre del servidor</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Puerto del servidor</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>TLS verification</source>
        <translation>Verificación TLS</translation>
    </message>
    <message>
        <source>System certificate store</source>
        <translation>Almacén de certificados del sistema</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Archivo de certificado de la CA</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>Pu&amp;erto:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>&amp;Archivo de CA:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Remember my password on this computer</source>
        <translation>&amp;Recordar mi contraseña en este equipo</translation>
    </message>
    <message>
        <source>Stored only in the system keychain.</source>
        <translation>Se guarda solo en el llavero del sistema.</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>upstream::views::WorkspacePasswordDialog</name>
    <message>
        <source>Create a local workspace</source>
        <translation>Crear un espacio de trabajo local</translation>
    </message>
    <message>
        <source>Open your workspace</source>
        <translation>Abrir su espacio de trabajo</translation>
    </message>
    <message>
        <source>No server is configured. Your work will be kept in an encrypted workspace on this computer. Choose a password to protect it (at least %1 characters). It cannot be recovered if you forget it.</source>
        <translation>No hay ningún servidor configurado. Su trabajo se guardará en un espacio de trabajo cifrado en este equipo. Elija una contraseña para protegerlo (al menos %1 caracteres). Si la olvida, no se podrá recuperar.</translation>
    </message>
    <message>
        <source>Enter the password of your local workspace.</source>
        <translation>Introduzca la contraseña de su espacio de trabajo local.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Confirmar la contraseña</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>C&amp;onfirmar:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>C&amp;rear</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Try the &amp;demo workspace</source>
        <translation>Probar el espacio de trabajo de &amp;demostración</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>La contraseña necesita al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Introduzca su contraseña.</translation>
    </message>
</context>
<context>
    <name>upstream::widgets::ConnectionStatusLabel</name>
    <message>
        <source>Connection state</source>
        <translation>Estado de la conexión</translation>
    </message>
</context>
<context>
    <name>upstream::workspace::WorkspaceOpener</name>
    <message>
        <source>A workspace already exists in %1.</source>
        <translation>Ya existe un espacio de trabajo en %1.</translation>
    </message>
    <message>
        <source>Cannot create the workspace folder %1.</source>
        <translation>No se puede crear la carpeta del espacio de trabajo %1.</translation>
    </message>
    <message>
        <source>Cannot write the workspace key file in %1.</source>
        <translation>No se puede escribir el archivo de clave del espacio de trabajo en %1.</translation>
    </message>
    <message>
        <source>No workspace was found in %1.</source>
        <translation>No se encontró ningún espacio de trabajo en %1.</translation>
    </message>
    <message>
        <source>This computer&apos;s keychain does not hold the device secret for this workspace, so the local cache cannot be opened here. Sign in to the server to rebuild the cache, or ask IT to restore the keychain.</source>
        <translation>El llavero de este equipo no contiene el secreto de dispositivo de este espacio de trabajo, por lo que la caché local no se puede abrir aquí. Inicie sesión en el servidor para reconstruir la caché o pida a TI que restaure el llavero.</translation>
    </message>
    <message>
        <source>The password is wrong. Try again.</source>
        <translation>La contraseña es incorrecta. Inténtelo de nuevo.</translation>
    </message>
</context>
</TS>
