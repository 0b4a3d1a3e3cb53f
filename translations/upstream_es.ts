<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en_US">
<context>
    <name>AlertLabels</name>
    <message>
        <source>Real</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Ruido</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>Requiere seguimiento</translation>
    </message>
    <message>
        <source>False positive</source>
        <translation>Falso positivo</translation>
    </message>
    <message>
        <source>Data entry error</source>
        <translation>Error de captura de datos</translation>
    </message>
    <message>
        <source>Payer policy change</source>
        <translation>Cambio de política del pagador</translation>
    </message>
    <message>
        <source>Coding issue</source>
        <translation>Problema de codificación</translation>
    </message>
    <message>
        <source>Expected / seasonal</source>
        <translation>Esperado / estacional</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Suppressed: marked noise %1 times in the last 30 days</source>
        <translation>Suprimida: marcada como ruido %1 veces en los últimos 30 días</translation>
    </message>
    <message>
        <source>Suppressed: a similar alert was raised %1 min ago (4 h cooldown)</source>
        <translation>Suprimida: se generó una alerta similar hace %1 min (enfriamiento de 4 h)</translation>
    </message>
</context>
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
    <name>Dashboard</name>
    <message>
        <source>critical</source>
        <translation>crítica</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alta</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>media</translation>
    </message>
    <message>
        <source>low</source>
        <translation>baja</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>reconocida</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelta</translation>
    </message>
    <message>
        <source>no alert</source>
        <translation>sin alerta</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgente</translation>
    </message>
    <message>
        <source>soon</source>
        <translation>pronto</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>en observación</translation>
    </message>
    <message>
        <source>As of: no data</source>
        <translation>Datos al: sin datos</translation>
    </message>
    <message>
        <source>today</source>
        <translation>de hoy</translation>
    </message>
    <message>
        <source>1 day old</source>
        <translation>hace 1 día</translation>
    </message>
    <message>
        <source>%1 days old</source>
        <translation>hace %1 días</translation>
    </message>
    <message>
        <source>As of %1 · data through %2 (%3)</source>
        <translation>Datos al %1 · hasta el %2 (%3)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>Cohort %1 · reference %2 · %3</source>
        <translation>Cohorte %1 · referencia %2 · %3</translation>
    </message>
    <message>
        <source>Windows: current %1 · baseline %2</source>
        <translation>Ventanas: actual %1 · referencia %2</translation>
    </message>
    <message>
        <source>Windows by %1: current %2 · baseline %3</source>
        <translation>Ventanas por %1: actual %2 · referencia %3</translation>
    </message>
    <message>
        <source>Denial rate</source>
        <translation>Tasa de denegación</translation>
    </message>
    <message>
        <source>New reason</source>
        <translation>Motivo nuevo</translation>
    </message>
    <message>
        <source>Reason rate spike</source>
        <translation>Pico de tasa del motivo</translation>
    </message>
    <message>
        <source>Reason volume spike</source>
        <translation>Pico de volumen del motivo</translation>
    </message>
    <message>
        <source>Reason dollar spike</source>
        <translation>Pico de dólares del motivo</translation>
    </message>
    <message>
        <source>Adjudication delay</source>
        <translation>Retraso de adjudicación</translation>
    </message>
    <message>
        <source>Payment delay</source>
        <translation>Retraso de pago</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Exportación cancelada: no se escribió nada.</translation>
    </message>
    <message>
        <source>Could not write the CSV file. Choose a folder you can write to.</source>
        <translation>No se pudo escribir el archivo CSV. Elija una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
        <source>Generated %1 · %2 rows, as filtered and sorted on screen</source>
        <translation>Generado %1 · %2 filas, filtradas y ordenadas como en pantalla</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message numerus="yes">
        <source>%n row(s) have no claim_ref and were added as new claims: importing a later export of the same claims will count them twice.</source>
        <translation>
            <numerusform>%n fila no tiene claim_ref y se añadió como reclamación nueva: importar una exportación posterior de las mismas reclamaciones la contará dos veces.</numerusform>
            <numerusform>%n filas no tienen claim_ref y se añadieron como reclamaciones nuevas: importar una exportación posterior de las mismas reclamaciones las contará dos veces.</numerusform>
        </translation>
    </message>
    <message>
        <source>This file was imported before.</source>
        <translation>Este archivo ya se importó antes.</translation>
    </message>
    <message>
        <source>%1: 1 row</source>
        <translation>%1: 1 fila</translation>
    </message>
    <message>
        <source>%1: %2 rows</source>
        <translation>%1: %2 filas</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>Open</source>
        <translation>Abiertas</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recuperado</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>Dada de baja</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Expected amount</source>
        <translation>Importe esperado</translation>
    </message>
    <message>
        <source>Recovered amount</source>
        <translation>Importe recuperado</translation>
    </message>
    <message>
        <source>Recovered date</source>
        <translation>Fecha de recuperación</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Señal</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Aprobada por</translation>
    </message>
    <message>
        <source>Approved at</source>
        <translation>Aprobada el</translation>
    </message>
    <message>
        <source>Recovered by</source>
        <translation>Recuperado por</translation>
    </message>
</context>
<context>
    <name>LedgerExport</name>
    <message numerus="yes">
        <source>Generated %1 · %n entries</source>
        <translation>
            <numerusform>Generado el %1 · %n entrada</numerusform>
            <numerusform>Generado el %1 · %n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write the export file. Choose a folder you can write to.</source>
        <translation>No se pudo escribir el archivo de exportación. Elija una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
        <source>Could not finish writing the export file. Check the free disk space and try again.</source>
        <translation>No se pudo terminar de escribir el archivo de exportación. Compruebe el espacio libre en disco y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Recovery ledger</source>
        <translation>Recuperaciones</translation>
    </message>
    <message>
        <source>Recovered this month</source>
        <translation>Recuperado este mes</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Desde el inicio</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Pendiente de cobro</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recuperado</translation>
    </message>
    <message>
        <source>Recovered on</source>
        <translation>Recuperado el</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Aprobada por</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>LedgerPdfExport</name>
    <message>
        <source>Could not write the PDF file. Choose a folder you can write to.</source>
        <translation>No se pudo escribir el archivo PDF. Elija una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
        <source>Recovery ledger</source>
        <translation>Libro de recuperaciones</translation>
    </message>
    <message>
        <source>The PDF could not be rendered.</source>
        <translation>No se pudo generar el PDF.</translation>
    </message>
</context>
<context>
    <name>LedgerRepository</name>
    <message>
        <source>Someone else changed this entry while you were editing it (you started from version %1, it is now version %2). Nothing was overwritten: compare both versions and choose what to keep.</source>
        <translation>Otra persona modificó esta entrada mientras usted la editaba (empezó desde la versión %1; ahora es la versión %2). No se sobrescribió nada: compare ambas versiones y elija qué conservar.</translation>
    </message>
    <message>
        <source>This ledger entry no longer exists in the local cache.</source>
        <translation>Esta entrada del libro de recuperaciones ya no existe en la caché local.</translation>
    </message>
    <message>
        <source>A ledger entry id must be a UUID.</source>
        <translation>El identificador de una entrada del libro de recuperaciones debe ser un UUID.</translation>
    </message>
    <message>
        <source>This entry was approved by %1 and can no longer be changed. Record a correction as a new entry.</source>
        <translation>%1 aprobó esta entrada y ya no se puede modificar. Registre la corrección como una entrada nueva.</translation>
    </message>
    <message>
        <source>Only a supervisor can approve ledger entries. Ask a supervisor to review this entry.</source>
        <translation>Solo un supervisor puede aprobar entradas del libro de recuperaciones. Pida a un supervisor que revise esta entrada.</translation>
    </message>
    <message>
        <source>Only a recovered or written-off entry can be approved; this one is %1.</source>
        <translation>Solo se puede aprobar una entrada recuperada o dada de baja; esta está en estado %1.</translation>
    </message>
    <message>
        <source>This entry is already approved.</source>
        <translation>Esta entrada ya está aprobada.</translation>
    </message>
</context>
<context>
    <name>LedgerUndo</name>
    <message>
        <source>Undo the edit of %1 (Ctrl+Z)</source>
        <translation>Deshacer la edición de %1 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo the edit of %1 (Ctrl+Shift+Z)</source>
        <translation>Rehacer la edición de %1 (Ctrl+Mayús+Z)</translation>
    </message>
    <message>
        <source>There is no edit to undo.</source>
        <translation>No hay ninguna edición que deshacer.</translation>
    </message>
    <message>
        <source>There is no edit to redo.</source>
        <translation>No hay ninguna edición que rehacer.</translation>
    </message>
    <message>
        <source>The entry for %1 was changed since (%2 is now %3); that step can no longer be undone or redone.</source>
        <translation>La entrada de %1 cambió desde entonces (%2 es ahora %3); ese paso ya no se puede deshacer ni rehacer.</translation>
    </message>
</context>
<context>
    <name>LedgerValidation</name>
    <message>
        <source>The recovered amount is more than the expected amount; confirm it to save.</source>
        <translation>El importe recuperado es mayor que el importe esperado; confírmelo para guardar.</translation>
    </message>
    <message>
        <source>Choose DriftWatch, DenialScope or DelayGuard.</source>
        <translation>Elija DriftWatch, DenialScope o DelayGuard.</translation>
    </message>
    <message>
        <source>Enter the payer.</source>
        <translation>Introduzca el pagador.</translation>
    </message>
    <message>
        <source>The payer name is too long (at most %1 characters).</source>
        <translation>El nombre del pagador es demasiado largo (%1 caracteres como máximo).</translation>
    </message>
    <message>
        <source>The expected amount cannot be negative.</source>
        <translation>El importe esperado no puede ser negativo.</translation>
    </message>
    <message>
        <source>The recovered amount cannot be negative.</source>
        <translation>El importe recuperado no puede ser negativo.</translation>
    </message>
    <message>
        <source>The recovered date cannot be in the future.</source>
        <translation>La fecha de recuperación no puede ser futura.</translation>
    </message>
    <message>
        <source>The recovered date is before %1; check the year.</source>
        <translation>La fecha de recuperación es anterior a %1; compruebe el año.</translation>
    </message>
    <message>
        <source>Enter the date the money was recovered.</source>
        <translation>Introduzca la fecha en que se recuperó el dinero.</translation>
    </message>
    <message>
        <source>A recovered entry needs the amount that was recovered.</source>
        <translation>Una entrada recuperada necesita el importe que se recuperó.</translation>
    </message>
    <message>
        <source>A new entry starts as Open.</source>
        <translation>Una entrada nueva empieza como Abierta.</translation>
    </message>
    <message>
        <source>An entry cannot move from %1 to %2.</source>
        <translation>Una entrada no puede pasar de %1 a %2.</translation>
    </message>
    <message>
        <source>Notes are too long (at most %1 characters).</source>
        <translation>Las notas son demasiado largas (%1 caracteres como máximo).</translation>
    </message>
</context>
<context>
    <name>LocalCache</name>
    <message>
        <source>This local cache was written by a newer version of Upstream Workstation (schema %1, this program knows %2). Update the workstation; the cache was not changed.</source>
        <translation>Esta caché local la escribió una versión más reciente de Upstream Workstation (esquema %1; este programa conoce hasta el %2). Actualice la estación de trabajo; la caché no se ha modificado.</translation>
    </message>
    <message>
        <source>The workspace is locked: unlock it first.</source>
        <translation>El espacio de trabajo está bloqueado: desbloquéelo primero.</translation>
    </message>
</context>
<context>
    <name>Mappings</name>
    <message>
        <source>a payer mapping needs a raw name and a payer</source>
        <translation>una correspondencia de pagador necesita un nombre original y un pagador</translation>
    </message>
    <message>
        <source>payer names are at most 255 characters</source>
        <translation>los nombres de pagador tienen como máximo 255 caracteres</translation>
    </message>
    <message>
        <source>a CPT-group mapping needs a code and a group</source>
        <translation>una correspondencia de grupo CPT necesita un código y un grupo</translation>
    </message>
    <message>
        <source>a CPT/HCPCS code is at most 10 characters</source>
        <translation>un código CPT/HCPCS tiene como máximo 10 caracteres</translation>
    </message>
    <message>
        <source>a CPT group name is at most 100 characters</source>
        <translation>un nombre de grupo CPT tiene como máximo 100 caracteres</translation>
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
    <message>
        <source>The workspace key file asks for key-derivation settings outside the allowed range; it was not written by Upstream Workstation.</source>
        <translation>El archivo de clave del espacio de trabajo pide parámetros de derivación de clave fuera del rango permitido; no lo escribió Upstream Workstation.</translation>
    </message>
</context>
<context>
    <name>RefusedChanges</name>
    <message>
        <source>That change is no longer waiting: it was retried, discarded or sent meanwhile.</source>
        <translation>Ese cambio ya no está en espera: entretanto se reintentó, se descartó o se envió.</translation>
    </message>
    <message>
        <source>An audit event is never discarded: it stays on this computer until the server accepts it. Ask IT to fix the cause, then retry it.</source>
        <translation>Un evento de auditoría nunca se descarta: se queda en este equipo hasta que el servidor lo acepte. Pida a TI que corrija la causa y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>RolePermissions</name>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analista</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Observador</translation>
    </message>
    <message>
        <source>Signed in as %1: you can read alerts but not record verdicts. Ask a supervisor for the operator role.</source>
        <translation>Sesión iniciada como %1: puede leer las alertas pero no registrar veredictos. Pida a un supervisor el rol de operador.</translation>
    </message>
    <message>
        <source>Signed in as %1: you can read the ledger but not change it. Ask a supervisor for the operator role.</source>
        <translation>Sesión iniciada como %1: puede leer el registro pero no cambiarlo. Pida a un supervisor el rol de operador.</translation>
    </message>
    <message>
        <source>Only a supervisor can approve entries</source>
        <translation>Solo un supervisor puede aprobar entradas</translation>
    </message>
    <message>
        <source>Signed in as %1: importing claim files needs the analyst role.</source>
        <translation>Sesión iniciada como %1: importar archivos de reclamaciones requiere el rol de analista.</translation>
    </message>
    <message>
        <source>Signed in as %1: recomputing signals needs the analyst role.</source>
        <translation>Sesión iniciada como %1: recalcular señales requiere el rol de analista.</translation>
    </message>
</context>
<context>
    <name>SignalEvidence</name>
    <message>
        <source>The evidence of this signal cannot be read (malformed JSON).</source>
        <translation>No se puede leer la evidencia de esta señal (JSON mal formado).</translation>
    </message>
    <message>
        <source>Denial rate</source>
        <translation>Tasa de denegación</translation>
    </message>
    <message>
        <source>Days to decision</source>
        <translation>Días hasta la decisión</translation>
    </message>
    <message>
        <source>Reason rate</source>
        <translation>Tasa del motivo</translation>
    </message>
    <message>
        <source>Days to payment</source>
        <translation>Días hasta el pago</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <source>%1 for %2%3: %4 in the current window (%5, %6 claims) against %7 in the baseline (%8, %9 claims).</source>
        <translation>%1 de %2%3: %4 en la ventana actual (%5, %6 reclamaciones) frente a %7 en la ventana de referencia (%8, %9 reclamaciones).</translation>
    </message>
    <message>
        <source>%1 percentage points</source>
        <translation>%1 puntos porcentuales</translation>
    </message>
    <message>
        <source> (%1% relative)</source>
        <translation> (%1% relativo)</translation>
    </message>
    <message>
        <source>Change (Δ): %1%2. Test: %3 statistic %4, p-value %5; confidence %6% (how much data stands behind it).</source>
        <translation>Cambio (Δ): %1%2. Prueba: estadístico %3 %4, valor p %5; confianza %6% (cuántos datos la respaldan).</translation>
    </message>
    <message>
        <source>significance</source>
        <translation>significación</translation>
    </message>
    <message>
        <source>Events counted: %1 in the baseline, %2 in the current window.</source>
        <translation>Eventos contados: %1 en la ventana de referencia, %2 en la ventana actual.</translation>
    </message>
    <message>
        <source>Severity %1 (score %2): %3</source>
        <translation>Gravedad %1 (puntuación %2): %3</translation>
    </message>
    <message>
        <source>no explanation stored.</source>
        <translation>no hay ninguna explicación guardada.</translation>
    </message>
    <message>
        <source>Dollars %1: %2</source>
        <translation>Dólares %1: %2</translation>
    </message>
    <message>
        <source>This signal is no longer in the workspace.</source>
        <translation>Esta señal ya no está en el espacio de trabajo.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Denials with a new reason per day</source>
        <translation>Denegaciones con un motivo nuevo por día</translation>
    </message>
    <message>
        <source>Denials with the reason per day</source>
        <translation>Denegaciones con el motivo por día</translation>
    </message>
    <message>
        <source>Denied dollars with the reason per day</source>
        <translation>Dólares denegados con el motivo por día</translation>
    </message>
    <message>
        <source>decision date</source>
        <translation>fecha de decisión</translation>
    </message>
    <message>
        <source>submission date</source>
        <translation>fecha de envío</translation>
    </message>
    <message>
        <source>Cohorts: </source>
        <translation>Cohortes: </translation>
    </message>
    <message>
        <source>Cohorts by %1: </source>
        <translation>Cohortes por %1: </translation>
    </message>
    <message>
        <source>cohort %1 (%2 claims) · reference %3 (%4 claims)</source>
        <translation>cohorte %1 (%2 reclamaciones) · referencia %3 (%4 reclamaciones)</translation>
    </message>
    <message>
        <source>Windows: </source>
        <translation>Ventanas: </translation>
    </message>
    <message>
        <source>Windows by %1: </source>
        <translation>Ventanas por %1: </translation>
    </message>
    <message>
        <source>current %1 (%2 claims) · baseline %3 (%4 claims)</source>
        <translation>actual %1 (%2 reclamaciones) · referencia %3 (%4 reclamaciones)</translation>
    </message>
    <message>
        <source>%1 for %2: %3 of the cohort&apos;s %4 claims finished before %5, where the reference cohort&apos;s pace expects %6 (observed O = %3, expected E = %6).</source>
        <translation>%1 de %2: %3 de las %4 reclamaciones de la cohorte terminaron antes del %5, cuando el ritmo de la cohorte de referencia prevé %6 (observadas O = %3, esperadas E = %6).</translation>
    </message>
    <message>
        <source>Slowdown Δ = %1 days: the reference&apos;s median lag of %2 moves to %3 (the reference curve shifted by Δ explains the observed count).</source>
        <translation>Retraso Δ = %1 días: el plazo mediano de la referencia pasa de %2 a %3 (la curva de referencia desplazada en Δ explica el número observado).</translation>
    </message>
    <message>
        <source>%1 of them overdue (older than the reference&apos;s 80th-percentile lag of %2 days), %3 at risk.</source>
        <translation>%1 de ellas vencidas (más antiguas que el percentil 80 del plazo de la referencia, %2 días), %3 en riesgo.</translation>
    </message>
    <message>
        <source>none counted as overdue: fewer than 80% of the reference cohort finished.</source>
        <translation>ninguna cuenta como vencida: terminó menos del 80% de la cohorte de referencia.</translation>
    </message>
    <message>
        <source>Unfinished claims in the cohort: %1; %2</source>
        <translation>Reclamaciones sin terminar en la cohorte: %1; %2</translation>
    </message>
    <message>
        <source>Test: observed vs expected, z = (O − E) ÷ √V = %1 (V = %2), p-value %3; confidence %4% (how much data stands behind it).</source>
        <translation>Prueba: observadas frente a esperadas, z = (O − E) ÷ √V = %1 (V = %2), valor p %3; confianza %4% (cuántos datos la respaldan).</translation>
    </message>
</context>
<context>
    <name>SyncPush</name>
    <message>
        <source>The server refused the verdict: it is not one of real, noise or needs follow-up.</source>
        <translation>El servidor rechazó el veredicto: no es real, ruido ni requiere seguimiento.</translation>
    </message>
    <message>
        <source>The server refused the verdict: its reason code is unknown.</source>
        <translation>El servidor rechazó el veredicto: su código de motivo es desconocido.</translation>
    </message>
    <message>
        <source>The server refused the ledger entry: its state is unknown.</source>
        <translation>El servidor rechazó la entrada del registro: su estado es desconocido.</translation>
    </message>
    <message>
        <source>The server refused the ledger entry: amounts cannot be negative.</source>
        <translation>El servidor rechazó la entrada del registro: los importes no pueden ser negativos.</translation>
    </message>
    <message>
        <source>The server does not know this kind of change.</source>
        <translation>El servidor no conoce este tipo de cambio.</translation>
    </message>
</context>
<context>
    <name>TriageService</name>
    <message>
        <source>Unknown verdict. Use real, noise or needs follow-up.</source>
        <translation>Veredicto desconocido. Use real, ruido o requiere seguimiento.</translation>
    </message>
    <message>
        <source>Unknown reason code.</source>
        <translation>Código de motivo desconocido.</translation>
    </message>
    <message>
        <source>Select at least one alert.</source>
        <translation>Seleccione al menos una alerta.</translation>
    </message>
    <message>
        <source>The alert no longer exists in this workspace.</source>
        <translation>La alerta ya no existe en este espacio de trabajo.</translation>
    </message>
    <message>
        <source>There is no verdict to undo.</source>
        <translation>No hay ningún veredicto que deshacer.</translation>
    </message>
    <message>
        <source>There is no verdict to redo.</source>
        <translation>No hay ningún veredicto que rehacer.</translation>
    </message>
</context>
<context>
    <name>Workstation</name>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Language, idle lock, workspace folder, import and log settings</source>
        <translation>Idioma, bloqueo por inactividad, carpeta del espacio de trabajo, importación y registro</translation>
    </message>
</context>
<context>
    <name>upstream::alerts</name>
    <message>
        <source>The alert no longer exists. Refresh the list and try again.</source>
        <translation>La alerta ya no existe. Actualice la lista y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>There is no verdict to undo on this alert.</source>
        <translation>No hay ningún veredicto que deshacer en esta alerta.</translation>
    </message>
    <message>
        <source>marked noise today</source>
        <translation>marcada como ruido hoy</translation>
    </message>
    <message>
        <source>marked noise yesterday</source>
        <translation>marcada como ruido ayer</translation>
    </message>
    <message>
        <source>marked noise %1 days ago</source>
        <translation>marcada como ruido hace %1 días</translation>
    </message>
    <message>
        <source>confirmed real today</source>
        <translation>confirmada como real hoy</translation>
    </message>
    <message>
        <source>confirmed real yesterday</source>
        <translation>confirmada como real ayer</translation>
    </message>
    <message>
        <source>confirmed real %1 days ago</source>
        <translation>confirmada como real hace %1 días</translation>
    </message>
    <message>
        <source>confirmed real, $%1 recovered</source>
        <translation>confirmada como real, $%1 recuperados</translation>
    </message>
    <message>
        <source>follow-up open</source>
        <translation>seguimiento abierto</translation>
    </message>
</context>
<context>
    <name>upstream::app::SignInAgainPresenter</name>
    <message>
        <source>Sign &amp;in again…</source>
        <translation>&amp;Iniciar sesión de nuevo…</translation>
    </message>
    <message>
        <source>Sign in to the server again after your sign-in expired.</source>
        <translation>Vuelva a iniciar sesión en el servidor cuando su sesión haya caducado.</translation>
    </message>
</context>
<context>
    <name>upstream::app::SyncStatusPresenter</name>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>Changes needing &amp;attention…</source>
        <translation>Cambios que requieren a&amp;tención…</translation>
    </message>
    <message>
        <source>Local workspace: there is no server to sync with.</source>
        <translation>Espacio de trabajo local: no hay servidor con el que sincronizar.</translation>
    </message>
</context>
<context>
    <name>upstream::app::WorkstationSession</name>
    <message>
        <source>Demo workspace</source>
        <translation>Espacio de trabajo de demostración</translation>
    </message>
    <message>
        <source>Working offline on this computer&apos;s copy.</source>
        <translation>Trabajando sin conexión con la copia de este equipo.</translation>
    </message>
    <message>
        <source>demo supervisor</source>
        <translation>supervisor de demostración</translation>
    </message>
    <message>
        <source>local user</source>
        <translation>usuario local</translation>
    </message>
    <message>
        <source>Open a workspace before importing.</source>
        <translation>Abra un espacio de trabajo antes de importar.</translation>
    </message>
    <message>
        <source>Open a workspace first.</source>
        <translation>Abra primero un espacio de trabajo.</translation>
    </message>
    <message>
        <source>Unlock the workstation first.</source>
        <translation>Desbloquee primero la estación de trabajo.</translation>
    </message>
    <message>
        <source>This workspace is not connected to a server.</source>
        <translation>Este espacio de trabajo no está conectado a un servidor.</translation>
    </message>
    <message>
        <source>The workstation was locked. Unlock it, then sign in again.</source>
        <translation>La estación se bloqueó. Desbloquéela y vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The server now lists this user under another customer. Quit and sign in again, and ask your administrator if this is unexpected.</source>
        <translation>El servidor asocia ahora este usuario a otro cliente. Salga y vuelva a iniciar sesión, y consulte a su administrador si no lo esperaba.</translation>
    </message>
</context>
<context>
    <name>upstream::compute::PreviewRunner</name>
    <message>
        <source>this workspace cannot preview signals</source>
        <translation>este espacio de trabajo no puede previsualizar señales</translation>
    </message>
</context>
<context>
    <name>upstream::compute::RecomputeRunner</name>
    <message>
        <source>Aggregating the claims on the server…</source>
        <translation>Agregando las reclamaciones en el servidor…</translation>
    </message>
    <message>
        <source>Reading the workspace&apos;s daily aggregates…</source>
        <translation>Leyendo los agregados diarios del espacio de trabajo…</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>Ejecutando %1…</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n signal(s)…</source>
        <translation>
            <numerusform>Escribiendo %n señal…</numerusform>
            <numerusform>Escribiendo %n señales…</numerusform>
        </translation>
    </message>
    <message>
        <source>Raising alerts…</source>
        <translation>Generando alertas…</translation>
    </message>
    <message>
        <source>Open a workspace or sign in to a server first.</source>
        <translation>Abra primero un espacio de trabajo o inicie sesión en un servidor.</translation>
    </message>
</context>
<context>
    <name>upstream::csv::CsvReader</name>
    <message>
        <source>cannot open the file: %1</source>
        <translation>no se puede abrir el archivo: %1</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>no se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>the cryptography library failed to start</source>
        <translation>no se pudo iniciar la biblioteca criptográfica</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>the file looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM) and try again</source>
        <translation>el archivo parece UTF-16 sin marca de orden de bytes; guárdelo como UTF-8 (o UTF-16 con BOM) y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>the file contains binary data, not CSV text</source>
        <translation>el archivo contiene datos binarios, no texto CSV</translation>
    </message>
    <message>
        <source>the header row is longer than %1 MiB; check for an unterminated quote</source>
        <translation>la fila de encabezado ocupa más de %1 MiB; compruebe si hay comillas sin cerrar</translation>
    </message>
    <message>
        <source>the header row has an unterminated quote</source>
        <translation>la fila de encabezado tiene comillas sin cerrar</translation>
    </message>
    <message>
        <source>a header name is longer than %1 MiB</source>
        <translation>un nombre de encabezado ocupa más de %1 MiB</translation>
    </message>
    <message>
        <source>the header has %1 columns; at most %2 are supported</source>
        <translation>el encabezado tiene %1 columnas; se admiten como máximo %2</translation>
    </message>
    <message>
        <source>the file has a header row but no data rows</source>
        <translation>el archivo tiene fila de encabezado pero ninguna fila de datos</translation>
    </message>
    <message>
        <source>a row is longer than %1 MiB (fields are limited to %2 MiB); check for an unterminated quote or an oversized field</source>
        <translation>una fila ocupa más de %1 MiB (los campos están limitados a %2 MiB); compruebe si hay comillas sin cerrar o un campo demasiado grande</translation>
    </message>
</context>
<context>
    <name>upstream::dashboard::SignalTableModel</name>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1%2 d</source>
        <translation>%1%2 d</translation>
    </message>
    <message>
        <source>%1%2 pts</source>
        <translation>%1%2 pts</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgencia</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Señal</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>Δ</source>
        <translation>Δ</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>Valor p</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Dollars</source>
        <translation>Dólares</translation>
    </message>
    <message>
        <source>Current window</source>
        <translation>Ventana actual</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>%1/day</source>
        <translation>%1/día</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 claims of the cohort finished before the as-of date; the reference cohort&apos;s pace expects %2</source>
        <translation>%1 reclamaciones de la cohorte terminaron antes de la fecha de corte; el ritmo de la cohorte de referencia prevé %2</translation>
    </message>
    <message>
        <source>%1 overdue claims (older than the reference&apos;s 80th-percentile lag): %2 at risk</source>
        <translation>%1 reclamaciones vencidas (más antiguas que el percentil 80 del plazo de la referencia): %2 en riesgo</translation>
    </message>
    <message>
        <source>Δ days</source>
        <translation>Δ días</translation>
    </message>
    <message>
        <source>Observed / expected</source>
        <translation>Observadas / esperadas</translation>
    </message>
    <message>
        <source>Overdue $</source>
        <translation>$ vencido</translation>
    </message>
    <message>
        <source>How far the payer moved from its baseline: critical, high, medium or low.</source>
        <translation>Cuánto se alejó el pagador de su línea base: crítica, alta, media o baja.</translation>
    </message>
    <message>
        <source>What to look at first: severity, dollars and how long the alert has waited.</source>
        <translation>Qué mirar primero: gravedad, dólares y cuánto tiempo lleva esperando la alerta.</translation>
    </message>
    <message>
        <source>The payer whose behaviour changed.</source>
        <translation>El pagador cuyo comportamiento cambió.</translation>
    </message>
    <message>
        <source>The group the signal is about: the CPT group (DriftWatch) or the denial reason (DenialScope).</source>
        <translation>El grupo al que se refiere la señal: el grupo CPT (DriftWatch) o el motivo de denegación (DenialScope).</translation>
    </message>
    <message>
        <source>What changed: denial rate, a denial reason, adjudication or payment delay.</source>
        <translation>Qué cambió: la tasa de denegación, un motivo de denegación, o la demora de adjudicación o de pago.</translation>
    </message>
    <message>
        <source>The value over the baseline window, before the change.</source>
        <translation>El valor en la ventana de referencia, antes del cambio.</translation>
    </message>
    <message>
        <source>The value over the current window.</source>
        <translation>El valor en la ventana actual.</translation>
    </message>
    <message>
        <source>How many days slower the payer is now than in the reference cohort.</source>
        <translation>Cuántos días más lento es ahora el pagador que en la cohorte de referencia.</translation>
    </message>
    <message>
        <source>Current minus baseline, in percentage points of the rate.</source>
        <translation>Actual menos referencia, en puntos porcentuales de la tasa.</translation>
    </message>
    <message>
        <source>Claims finished by the as-of date against how many the reference curve expected.</source>
        <translation>Reclamaciones terminadas a la fecha de corte frente a las que esperaba la curva de referencia.</translation>
    </message>
    <message>
        <source>Dollars of unfinished claims already older than the payer&apos;s usual decision time.</source>
        <translation>Dólares de reclamaciones sin terminar que ya superan el tiempo habitual de decisión del pagador.</translation>
    </message>
    <message>
        <source>How likely a change this large is by chance alone; smaller is stronger evidence.</source>
        <translation>Probabilidad de un cambio así de grande solo por azar; cuanto menor, más sólida la evidencia.</translation>
    </message>
    <message>
        <source>How much data stands behind the signal, from 0 to 1.</source>
        <translation>Cuántos datos respaldan la señal, de 0 a 1.</translation>
    </message>
    <message>
        <source>Dollars affected by the change in the current window.</source>
        <translation>Dólares afectados por el cambio en la ventana actual.</translation>
    </message>
    <message>
        <source>The current window the signal was computed over.</source>
        <translation>La ventana actual sobre la que se calculó la señal.</translation>
    </message>
    <message>
        <source>Pending, acknowledged (marked real) or resolved (marked noise), and any suppression.</source>
        <translation>Pendiente, reconocida (marcada como real) o resuelta (marcada como ruido), y cualquier supresión.</translation>
    </message>
    <message>
        <source>The latest verdict on similar signals: noise, confirmed real, or a follow-up still open.</source>
        <translation>El último veredicto sobre señales similares: ruido, confirmada como real o un seguimiento aún abierto.</translation>
    </message>
</context>
<context>
    <name>upstream::demo</name>
    <message>
        <source>Cannot write %1: %2. Check the path and free space.</source>
        <translation>No se puede escribir %1: %2. Compruebe la ruta y el espacio libre.</translation>
    </message>
</context>
<context>
    <name>upstream::engines</name>
    <message>
        <source>The aggregate query returned an unexpected shape.</source>
        <translation>La consulta de agregados devolvió un resultado con una forma inesperada.</translation>
    </message>
</context>
<context>
    <name>upstream::importer::ClaimValidator</name>
    <message>
        <source>required value %1 is empty</source>
        <translation>el valor obligatorio %1 está vacío</translation>
    </message>
    <message>
        <source>the row has %1 fields, fewer than the header</source>
        <translation>la fila tiene %1 campos, menos que el encabezado</translation>
    </message>
    <message>
        <source>the row has %1 fields, more than the header</source>
        <translation>la fila tiene %1 campos, más que el encabezado</translation>
    </message>
    <message>
        <source>%1 contains protected health information (%2); the value is not kept</source>
        <translation>%1 contiene información de salud protegida (%2); el valor no se conserva</translation>
    </message>
    <message>
        <source>%1 is not a date (use YYYY-MM-DD or MM/DD/YYYY)</source>
        <translation>%1 no es una fecha (use AAAA-MM-DD o MM/DD/AAAA)</translation>
    </message>
    <message>
        <source>%1 is after the import date</source>
        <translation>%1 es posterior a la fecha de importación</translation>
    </message>
    <message>
        <source>decided_date is before submitted_date</source>
        <translation>decided_date es anterior a submitted_date</translation>
    </message>
    <message>
        <source>%1 is not an amount</source>
        <translation>%1 no es un importe</translation>
    </message>
    <message>
        <source>%1 is too long</source>
        <translation>%1 es demasiado largo</translation>
    </message>
    <message>
        <source>cpt is not a CPT, HCPCS or Category II/III code</source>
        <translation>cpt no es un código CPT, HCPCS ni de Categoría II/III</translation>
    </message>
    <message>
        <source>outcome is neither paid nor denied; stored as OTHER</source>
        <translation>outcome no es ni pagada ni denegada; se guarda como OTHER</translation>
    </message>
    <message>
        <source>%1 is outside 0 to 1,000,000</source>
        <translation>%1 está fuera del intervalo de 0 a 1.000.000</translation>
    </message>
    <message>
        <source>billed_amount is negative</source>
        <translation>billed_amount es negativo</translation>
    </message>
    <message>
        <source>billed_amount is less than allowed_amount</source>
        <translation>billed_amount es menor que allowed_amount</translation>
    </message>
    <message>
        <source>paid_amount is negative</source>
        <translation>paid_amount es negativo</translation>
    </message>
    <message>
        <source>paid_amount is more than allowed_amount</source>
        <translation>paid_amount es mayor que allowed_amount</translation>
    </message>
    <message>
        <source>payment_date is not a date; stored empty</source>
        <translation>payment_date no es una fecha; se guarda vacío</translation>
    </message>
    <message>
        <source>payment_date is before decided_date; stored empty</source>
        <translation>payment_date es anterior a decided_date; se guarda vacío</translation>
    </message>
    <message>
        <source>denial_reason_code is not a CARC/group code</source>
        <translation>denial_reason_code no es un código CARC ni de grupo</translation>
    </message>
    <message>
        <source>denied claim without a denial_reason_code</source>
        <translation>reclamación denegada sin denial_reason_code</translation>
    </message>
    <message>
        <source>denial_reason_text contains protected health information (%1); the text was blanked</source>
        <translation>denial_reason_text contiene información de salud protegida (%1); el texto se ha borrado</translation>
    </message>
    <message>
        <source>denial_reason_text is longer than 500 characters; truncated</source>
        <translation>denial_reason_text supera los 500 caracteres; se ha truncado</translation>
    </message>
    <message>
        <source>invalid UTF-8; read as Windows-1252</source>
        <translation>UTF-8 no válido; se ha leído como Windows-1252</translation>
    </message>
    <message>
        <source>%1 is set on a pending (not yet decided) claim; ignored</source>
        <translation>%1 figura en una reclamación pendiente (aún sin decidir); se ignora</translation>
    </message>
</context>
<context>
    <name>upstream::importer::ColumnMapping</name>
    <message>
        <source>column %1</source>
        <translation>columna %1</translation>
    </message>
    <message>
        <source>duplicate header &apos;%1&apos; in columns %2 and %3; rename one of them</source>
        <translation>encabezado &apos;%1&apos; duplicado en las columnas %2 y %3; cambie el nombre de una de ellas</translation>
    </message>
    <message>
        <source>the mapping refers to column %1, but the file has %2</source>
        <translation>la asignación hace referencia a la columna %1, pero el archivo tiene %2</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is mapped to two claim fields</source>
        <translation>la columna &apos;%1&apos; está asignada a dos campos de la reclamación</translation>
    </message>
    <message>
        <source>missing required columns: %1; map them or add them to the file</source>
        <translation>faltan columnas obligatorias: %1; asígnelas o añádalas al archivo</translation>
    </message>
    <message>
        <source>cannot read the saved column mappings: %1</source>
        <translation>no se pueden leer las asignaciones de columnas guardadas: %1</translation>
    </message>
    <message>
        <source>cannot save the column mappings: %1</source>
        <translation>no se pueden guardar las asignaciones de columnas: %1</translation>
    </message>
</context>
<context>
    <name>upstream::importer::ImportRunner</name>
    <message>
        <source>no importer is available in this build</source>
        <translation>no hay ningún importador disponible en esta compilación</translation>
    </message>
</context>
<context>
    <name>upstream::importer::ImportValidation</name>
    <message>
        <source>row %1 has an unterminated quote: a quoted field never ends</source>
        <translation>la fila %1 tiene comillas sin cerrar: un campo entre comillas nunca termina</translation>
    </message>
    <message>
        <source>row %1 has a field longer than %2 MiB, the field size limit</source>
        <translation>la fila %1 tiene un campo de más de %2 MiB, el tamaño máximo de campo</translation>
    </message>
    <message>
        <source>cannot write the rejected rows: %1</source>
        <translation>no se pueden escribir las filas rechazadas: %1</translation>
    </message>
    <message>
        <source>validation cancelled</source>
        <translation>validación cancelada</translation>
    </message>
    <message>
        <source>the file has a header row but no data rows</source>
        <translation>el archivo tiene fila de encabezado pero ninguna fila de datos</translation>
    </message>
</context>
<context>
    <name>upstream::ledger::LedgerHistoryModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
</context>
<context>
    <name>upstream::ledger::LedgerTableModel</name>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recuperado</translation>
    </message>
    <message>
        <source>Recovered on</source>
        <translation>Recuperado el</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Aprobada por</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizada</translation>
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
    <message>
        <source>The connection would use TLS mode &quot;%1&quot;, which does not verify the server. Upstream signs in only with verify-full unless your IT department allows less.</source>
        <translation>La conexión usaría el modo TLS «%1», que no verifica el servidor. Upstream solo inicia sesión con verify-full salvo que su departamento de TI permita menos.</translation>
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
    <name>upstream::views::ConflictDialog</name>
    <message>
        <source>Resolve a conflicting change</source>
        <translation>Resolver un cambio en conflicto</translation>
    </message>
    <message>
        <source>This entry was changed elsewhere</source>
        <translation>Esta entrada se modificó en otro lugar</translation>
    </message>
    <message>
        <source>another workstation</source>
        <translation>otra estación de trabajo</translation>
    </message>
    <message>
        <source>While you were editing the %1 entry, %2 saved version %3. Nothing has been overwritten. Choose, field by field, which value to keep.</source>
        <translation>Mientras usted editaba la entrada de %1, %2 guardó la versión %3. No se ha sobrescrito nada. Elija, campo por campo, qué valor conservar.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Mine (your edit)</source>
        <translation>Mío (su cambio)</translation>
    </message>
    <message>
        <source>Theirs (saved, version %1)</source>
        <translation>Suyo (guardado, versión %1)</translation>
    </message>
    <message>
        <source>%1
(changed by both)</source>
        <translation>%1
(modificado por ambos)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Keep my %1</source>
        <translation>Conservar mi valor: %1</translation>
    </message>
    <message>
        <source>Take their %1</source>
        <translation>Aceptar su valor: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n other field(s) are the same in both versions.</source>
        <translation>
            <numerusform>%n campo más es igual en ambas versiones.</numerusform>
            <numerusform>Otros %n campos son iguales en ambas versiones.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Conservar lo &amp;mío</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>Aceptar lo &amp;suyo</translation>
    </message>
    <message>
        <source>&amp;Save merge</source>
        <translation>&amp;Guardar combinación</translation>
    </message>
</context>
<context>
    <name>upstream::views::DashboardPage</name>
    <message>
        <source>DriftWatch</source>
        <translation>DriftWatch</translation>
    </message>
    <message>
        <source>CPT group</source>
        <translation>Grupo CPT</translation>
    </message>
    <message>
        <source>Dollars impact</source>
        <translation>Impacto en dólares</translation>
    </message>
    <message>
        <source>Denial rate, most severe signals (daily, volume-weighted)</source>
        <translation>Tasa de denegación, señales más graves (serie diaria, ponderada por volumen)</translation>
    </message>
    <message>
        <source>DenialScope</source>
        <translation>DenialScope</translation>
    </message>
    <message>
        <source>Denial reasons that spiked or appeared for the first time, per payer.</source>
        <translation>Motivos de denegación nuevos o en fuerte aumento, por pagador.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Denied dollars</source>
        <translation>Dólares denegados</translation>
    </message>
    <message>
        <source>DelayGuard</source>
        <translation>DelayGuard</translation>
    </message>
    <message>
        <source>Payers that started paying or deciding slower, with the dollars at risk.</source>
        <translation>Pagadores que empezaron a pagar o a decidir más despacio, con los dólares en riesgo.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Dollars at risk</source>
        <translation>Dólares en riesgo</translation>
    </message>
    <message>
        <source>Open signals</source>
        <translation>Señales abiertas</translation>
    </message>
    <message>
        <source>Critical (open)</source>
        <translation>Críticas (abiertas)</translation>
    </message>
    <message>
        <source>High (open)</source>
        <translation>Altas (abiertas)</translation>
    </message>
    <message>
        <source>Average Δ</source>
        <translation>Δ promedio</translation>
    </message>
    <message>
        <source>Trend chart</source>
        <translation>Gráfico de tendencia</translation>
    </message>
    <message>
        <source>Top payers</source>
        <translation>Principales pagadores</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abiertas</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Señales</translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation>silenciadas</translation>
    </message>
    <message>
        <source>%1 of %2 signals</source>
        <translation>%1 de %2 señales</translation>
    </message>
    <message>
        <source>Data freshness</source>
        <translation>Actualidad de los datos</translation>
    </message>
    <message>
        <source>Search payer, %1 or signal…</source>
        <translation>Buscar pagador, %1 o señal…</translation>
    </message>
    <message>
        <source>Search signals</source>
        <translation>Buscar señales</translation>
    </message>
    <message>
        <source>Severity filter</source>
        <translation>Filtro de gravedad</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Todas las gravedades</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>High and above</source>
        <translation>Alta o superior</translation>
    </message>
    <message>
        <source>Medium and above</source>
        <translation>Media o superior</translation>
    </message>
    <message>
        <source>Payer filter</source>
        <translation>Filtro de pagador</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro de estado</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Reconocida</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Date filter</source>
        <translation>Filtro de fecha</translation>
    </message>
    <message>
        <source>Any as-of date</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <source>As of the last 7 days</source>
        <translation>Corte: últimos 7 días</translation>
    </message>
    <message>
        <source>As of the last 30 days</source>
        <translation>Corte: últimos 30 días</translation>
    </message>
    <message>
        <source>Recovery ledger totals</source>
        <translation>Totales del libro de recuperaciones</translation>
    </message>
    <message>
        <source>All payers</source>
        <translation>Todos los pagadores</translation>
    </message>
    <message>
        <source>never (local workspace)</source>
        <translation>nunca (modo local)</translation>
    </message>
    <message>
        <source>of %1 signals</source>
        <translation>de %1 señales</translation>
    </message>
    <message>
        <source>pending triage</source>
        <translation>pendientes de clasificar</translation>
    </message>
    <message>
        <source>not resolved as noise</source>
        <translation>no resueltas como ruido</translation>
    </message>
    <message>
        <source>+%1 days</source>
        <translation>+%1 días</translation>
    </message>
    <message>
        <source>+%1 pts</source>
        <translation>+%1 pts</translation>
    </message>
    <message>
        <source>mean over all signals</source>
        <translation>promedio de todas las señales</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recovery ledger&lt;/b&gt; — expected %1 · recovered %2 (this month %3, last 30 days %4) · %5 open · %6 in progress · %7 recovered · %8 written off</source>
        <translation>&lt;b&gt;Recuperaciones&lt;/b&gt;: esperado %1 · recuperado %2 (este mes %3, 30 días %4) · %5 abiertas · %6 en curso · %7 recuperadas · %8 de baja</translation>
    </message>
    <message>
        <source>The selected signal did not become an alert: there is nothing to triage.</source>
        <translation>La señal seleccionada no generó una alerta: no hay nada que clasificar.</translation>
    </message>
    <message>
        <source>Verdict recorded.</source>
        <translation>Veredicto registrado.</translation>
    </message>
    <message>
        <source>Verdict recorded on %1 alerts.</source>
        <translation>Veredicto registrado en %1 alertas.</translation>
    </message>
    <message>
        <source>Last verdict undone.</source>
        <translation>Último veredicto deshecho.</translation>
    </message>
    <message>
        <source>Recovery-ledger entry opened.</source>
        <translation>Entrada del libro de recuperaciones abierta.</translation>
    </message>
    <message>
        <source>Denial-rate drift per payer and CPT group against each baseline.</source>
        <translation>Tasa de denegación por pagador y grupo CPT frente a su referencia.</translation>
    </message>
    <message>
        <source>Daily denials with the reason, most severe rate spikes (mean per signal)</source>
        <translation>Denegaciones diarias con el motivo, picos de tasa más graves (media por señal)</translation>
    </message>
    <message>
        <source>Share of claims decided by the as-of date, per submission day (most severe adjudication delays)</source>
        <translation>Parte de reclamaciones decididas a la fecha de corte, por día de envío (retrasos de adjudicación más graves)</translation>
    </message>
    <message>
        <source>Windows of the signals</source>
        <translation>Ventanas de las señales</translation>
    </message>
    <message>
        <source>%1 · last synced: %2</source>
        <translation>%1 · sincronizado: %2</translation>
    </message>
    <message>
        <source>No signals yet in this workspace. Import a claim file (Ctrl+4), then recompute signals (File ▸ Recompute signals…).</source>
        <translation>Aún no hay señales en este espacio de trabajo. Importe un archivo de reclamaciones (Ctrl+4) y luego recalcule las señales (Archivo ▸ Recalcular señales…).</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Export the rows and columns shown, as filtered and sorted, to a CSV file</source>
        <translation>Exportar las filas y columnas mostradas, filtradas y ordenadas, a un archivo CSV</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exportar &amp;PDF…</translation>
    </message>
    <message>
        <source>Export the rows and columns shown, as filtered and sorted, to a PDF report</source>
        <translation>Exportar las filas y columnas mostradas, filtradas y ordenadas, a un informe PDF</translation>
    </message>
    <message>
        <source>no signals yet</source>
        <translation>aún no hay señales</translation>
    </message>
    <message>
        <source>Exporting the table…</source>
        <translation>Exportando la tabla…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>The PDF holds up to %1 rows and the table shows %2. Filter the table, or export CSV.</source>
        <translation>El PDF admite hasta %1 filas y la tabla muestra %2. Filtre la tabla o exporte a CSV.</translation>
    </message>
    <message>
        <source>Export the table as PDF</source>
        <translation>Exportar la tabla como PDF</translation>
    </message>
    <message>
        <source>Export the table as CSV</source>
        <translation>Exportar la tabla como CSV</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported 1 row.</source>
        <translation>Se exportó 1 fila.</translation>
    </message>
    <message>
        <source>Exported %1 rows.</source>
        <translation>Se exportaron %1 filas.</translation>
    </message>
    <message>
        <source>Read-only: your role cannot record verdicts.</source>
        <translation>Solo lectura: su rol no puede registrar veredictos.</translation>
    </message>
    <message>
        <source>Verdict recorded again.</source>
        <translation>Veredicto registrado de nuevo.</translation>
    </message>
    <message>
        <source>Verdict recorded again on %1 alerts.</source>
        <translation>Veredicto registrado de nuevo en %1 alertas.</translation>
    </message>
</context>
<context>
    <name>upstream::views::DeepDiveDialog</name>
    <message>
        <source>Deep dive — %1 · %2</source>
        <translation>Análisis detallado: %1 · %2</translation>
    </message>
    <message>
        <source>Severity &lt;b&gt;%1&lt;/b&gt; · alert %2 · as of %3</source>
        <translation>Gravedad &lt;b&gt;%1&lt;/b&gt; · alerta %2 · datos al %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source> · &lt;b&gt;suppressed&lt;/b&gt;: %1</source>
        <translation> · &lt;b&gt;silenciada&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <source>Evidence in plain words</source>
        <translation>La evidencia en palabras sencillas</translation>
    </message>
    <message>
        <source>Daily series with the baseline and current windows shaded</source>
        <translation>Serie diaria con las ventanas de referencia y actual sombreadas</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export the evidence as PDF</source>
        <translation>Exportar la evidencia como PDF</translation>
    </message>
    <message>
        <source>Export the evidence as CSV</source>
        <translation>Exportar la evidencia como CSV</translation>
    </message>
    <message>
        <source>Export evidence as PDF</source>
        <translation>Exportar la evidencia como PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export evidence as CSV</source>
        <translation>Exportar la evidencia como CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Desglose</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>By CPT group</source>
        <translation>Por grupo CPT</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Judgment history</source>
        <translation>Historial de veredictos</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recuperado</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Linked ledger entries</source>
        <translation>Entradas vinculadas del libro de recuperaciones</translation>
    </message>
    <message>
        <source>Recovery ledger</source>
        <translation>Libro de recuperaciones</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Evidence exported as PDF.</source>
        <translation>Evidencia exportada como PDF.</translation>
    </message>
    <message>
        <source>The PDF could not be written: check the folder.</source>
        <translation>No se pudo escribir el PDF: compruebe la carpeta.</translation>
    </message>
    <message>
        <source>Evidence exported as CSV.</source>
        <translation>Evidencia exportada como CSV.</translation>
    </message>
    <message>
        <source>The CSV could not be written: check the folder.</source>
        <translation>No se pudo escribir el CSV: compruebe la carpeta.</translation>
    </message>
    <message>
        <source>%1/day</source>
        <translation>%1/día</translation>
    </message>
    <message>
        <source>Daily denials with the reason (by decision date)</source>
        <translation>Denegaciones diarias con el motivo (por fecha de decisión)</translation>
    </message>
    <message>
        <source>Daily %1</source>
        <translation>%1, por día</translation>
    </message>
    <message>
        <source>Observed finished (O)</source>
        <translation>Terminadas observadas (O)</translation>
    </message>
    <message>
        <source>Expected finished (E)</source>
        <translation>Terminadas esperadas (E)</translation>
    </message>
    <message>
        <source>Slowdown Δ</source>
        <translation>Retraso Δ</translation>
    </message>
    <message>
        <source>+%1 days</source>
        <translation>+%1 días</translation>
    </message>
    <message>
        <source>Median lag</source>
        <translation>Plazo mediano</translation>
    </message>
    <message>
        <source>%1 → %2 days</source>
        <translation>%1 → %2 días</translation>
    </message>
    <message>
        <source>Cohort claims</source>
        <translation>Reclamaciones de la cohorte</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Sin terminar</translation>
    </message>
    <message>
        <source>Overdue claims</source>
        <translation>Reclamaciones vencidas</translation>
    </message>
    <message>
        <source>Reference 80th-percentile lag</source>
        <translation>Percentil 80 del plazo de referencia</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>no alcanzado</translation>
    </message>
    <message>
        <source>Dollars at risk</source>
        <translation>Dólares en riesgo</translation>
    </message>
    <message>
        <source>z · p-value</source>
        <translation>z · valor p</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Share of claims finished by age, reference cohort and current cohort</source>
        <translation>Parte de reclamaciones terminadas por antigüedad, cohorte de referencia y cohorte actual</translation>
    </message>
    <message>
        <source>Observed vs expected</source>
        <translation>Observadas frente a esperadas</translation>
    </message>
    <message>
        <source>Observed and expected finished claims, slowdown and overdue claims</source>
        <translation>Reclamaciones terminadas observadas y esperadas, retraso y reclamaciones vencidas</translation>
    </message>
    <message>
        <source>By denial reason</source>
        <translation>Por motivo de denegación</translation>
    </message>
    <message>
        <source>%1 · %2 · severity %3</source>
        <translation>%1 · %2 · gravedad %3</translation>
    </message>
</context>
<context>
    <name>upstream::views::DelayCurveChart</name>
    <message>
        <source>Share of claims finished by age: reference cohort vs current cohort</source>
        <translation>Parte de reclamaciones terminadas por antigüedad: cohorte de referencia frente a cohorte actual</translation>
    </message>
    <message>
        <source>Reference cohort</source>
        <translation>Cohorte de referencia</translation>
    </message>
    <message>
        <source>Current cohort</source>
        <translation>Cohorte actual</translation>
    </message>
    <message>
        <source>Reference 80th-percentile lag (%1 days)</source>
        <translation>Percentil 80 del plazo de referencia (%1 días)</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>Antigüedad (días)</translation>
    </message>
    <message>
        <source>Age (days since the %1)</source>
        <translation>Antigüedad (días desde la %1)</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminadas</translation>
    </message>
</context>
<context>
    <name>upstream::views::ImportFilePage</name>
    <message>
        <source>Choose a claims file</source>
        <translation>Elija un archivo de reclamaciones</translation>
    </message>
    <message>
        <source>A CSV export from a billing system or clearinghouse. Type its path, drop the file on the field or browse for it. The file is read, never changed.</source>
        <translation>Una exportación CSV de un sistema de facturación o de una cámara de compensación. Escriba su ruta, suelte el archivo en el campo o búsquelo. El archivo solo se lee, nunca se modifica.</translation>
    </message>
    <message>
        <source>CSV file path</source>
        <translation>Ruta del archivo CSV</translation>
    </message>
    <message>
        <source>/path/to/claims.csv</source>
        <translation>/ruta/a/reclamaciones.csv</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Browse for a CSV file</source>
        <translation>Buscar un archivo CSV</translation>
    </message>
    <message>
        <source>File problem</source>
        <translation>Problema con el archivo</translation>
    </message>
    <message>
        <source>Accepted: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252; delimiters comma, semicolon, tab or pipe; one header row. Million-row files are fine.</source>
        <translation>Se acepta: UTF-8 (con o sin BOM), UTF-16 con BOM, Windows-1252; delimitadores coma, punto y coma, tabulación o barra vertical; una fila de encabezado. Se admiten archivos de millones de filas.</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>Este archivo no se puede importar: %1</translation>
    </message>
    <message>
        <source>File &amp;path:</source>
        <translation>&amp;Ruta del archivo:</translation>
    </message>
</context>
<context>
    <name>upstream::views::ImportFormatPage</name>
    <message>
        <source>Check the format</source>
        <translation>Compruebe el formato</translation>
    </message>
    <message>
        <source>Encoding and delimiter were detected from the start of the file. Override them if the preview looks wrong.</source>
        <translation>La codificación y el delimitador se detectaron al inicio del archivo. Cámbielos si la vista previa no parece correcta.</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Codificación</translation>
    </message>
    <message>
        <source>As detected</source>
        <translation>Según la detección</translation>
    </message>
    <message>
        <source>Windows-1252</source>
        <translation>Windows-1252</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Delimitador</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Coma ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>Punto y coma ( ; )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulación</translation>
    </message>
    <message>
        <source>Pipe ( | )</source>
        <translation>Barra vertical ( | )</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Vista previa de las primeras filas</translation>
    </message>
    <message>
        <source>Detected:</source>
        <translation>Detectado:</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Codificación:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Delimitador:</translation>
    </message>
    <message>
        <source>&amp;Preview (first rows; values that look like patient data are withheld):</source>
        <translation>&amp;Vista previa (primeras filas; se ocultan los valores que parecen datos de pacientes):</translation>
    </message>
    <message>
        <source>With these settings the file cannot be read: %1</source>
        <translation>Con esta configuración no se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, delimiter &lt;b&gt;%2&lt;/b&gt;, %3 columns — %4 (%5 MB)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, delimitador &lt;b&gt;%2&lt;/b&gt;, %3 columnas — %4 (%5 MB)</translation>
    </message>
</context>
<context>
    <name>upstream::views::ImportIssueModel</name>
    <message>
        <source>Missing fields</source>
        <translation>Faltan campos</translation>
    </message>
    <message>
        <source>PHI detected</source>
        <translation>PHI detectada</translation>
    </message>
    <message>
        <source>Invalid dates</source>
        <translation>Fechas no válidas</translation>
    </message>
    <message>
        <source>Invalid values</source>
        <translation>Valores no válidos</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nombre del paciente</translation>
    </message>
    <message>
        <source>SSN</source>
        <translation>Número de Seguro Social</translation>
    </message>
    <message>
        <source>Medical record number</source>
        <translation>Número de historia clínica</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Dirección postal</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Número de tarjeta</translation>
    </message>
    <message>
        <source>URL or IP address</source>
        <translation>URL o dirección IP</translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation>ID de afiliado</translation>
    </message>
    <message>
        <source>PHI</source>
        <translation>PHI</translation>
    </message>
    <message>
        <source>(row)</source>
        <translation>(fila)</translation>
    </message>
    <message>
        <source>withheld: %1</source>
        <translation>oculto: %1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>••• withheld</source>
        <translation>••• oculto</translation>
    </message>
</context>
<context>
    <name>upstream::views::ImportMappingPage</name>
    <message>
        <source>Pa&amp;yer</source>
        <translation>Pa&amp;gador</translation>
    </message>
    <message>
        <source>C&amp;PT code</source>
        <translation>Código C&amp;PT</translation>
    </message>
    <message>
        <source>&amp;Submitted date</source>
        <translation>&amp;Fecha de envío</translation>
    </message>
    <message>
        <source>D&amp;ecided date</source>
        <translation>Fecha de &amp;decisión</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <source>&amp;Allowed amount</source>
        <translation>Importe per&amp;mitido</translation>
    </message>
    <message>
        <source>B&amp;illed amount</source>
        <translation>Importe fac&amp;turado</translation>
    </message>
    <message>
        <source>Paid amo&amp;unt</source>
        <translation>&amp;Importe pagado</translation>
    </message>
    <message>
        <source>Pay&amp;ment date</source>
        <translation>Fecha de pag&amp;o</translation>
    </message>
    <message>
        <source>&amp;Denial reason code</source>
        <translation>&amp;Código de motivo de denegación</translation>
    </message>
    <message>
        <source>Denial reason te&amp;xt</source>
        <translation>Te&amp;xto del motivo de denegación</translation>
    </message>
    <message>
        <source>C&amp;laim reference</source>
        <translation>Referencia de rec&amp;lamación</translation>
    </message>
    <message>
        <source>Map the columns</source>
        <translation>Asigne las columnas</translation>
    </message>
    <message>
        <source>Each claim column takes one column of the file. Columns marked * are required. Validation runs in the background as you change the mapping.</source>
        <translation>Cada columna de la reclamación toma una columna del archivo. Las columnas marcadas con * son obligatorias. La validación se ejecuta en segundo plano mientras cambia la asignación.</translation>
    </message>
    <message>
        <source>Claim column ← column in the file</source>
        <translation>Columna de la reclamación ← columna del archivo</translation>
    </message>
    <message>
        <source> (required)</source>
        <translation> (obligatorio)</translation>
    </message>
    <message>
        <source>&amp;Remember this mapping for files with these headers</source>
        <translation>Record&amp;ar esta asignación para archivos con estos encabezados</translation>
    </message>
    <message>
        <source>This layout was imported before: its confirmed mapping was restored.</source>
        <translation>Este formato ya se importó antes: se restauró su asignación confirmada.</translation>
    </message>
    <message>
        <source>Columns were matched by name and known synonyms.</source>
        <translation>Las columnas se emparejaron por nombre y sinónimos conocidos.</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— no está en el archivo —</translation>
    </message>
    <message>
        <source>Fix the mapping: %1</source>
        <translation>Corrija la asignación: %1</translation>
    </message>
    <message>
        <source>All required columns are mapped.</source>
        <translation>Todas las columnas obligatorias están asignadas.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;⚠ %1 (patient data: never read, never stored)&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;⚠ %1 (datos de pacientes: nunca se leen ni se almacenan)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Every column of the file is used.</source>
        <translation>Se utilizan todas las columnas del archivo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dropped columns&lt;/b&gt; (not imported): %1</source>
        <translation>&lt;b&gt;Columnas descartadas&lt;/b&gt; (no se importan): %1</translation>
    </message>
</context>
<context>
    <name>upstream::views::ImportPayerPage</name>
    <message>
        <source>Match the payers</source>
        <translation>Asignar los pagadores</translation>
    </message>
    <message>
        <source>These payer names of the file are not known yet. Choose the payer each one means and save: the mapping applies to this import and to every later one.</source>
        <translation>Estos nombres de pagador del archivo aún no se conocen. Elija el pagador al que corresponde cada uno y guarde: la correspondencia se aplica a esta importación y a todas las posteriores.</translation>
    </message>
    <message>
        <source>&amp;Save mappings</source>
        <translation>&amp;Guardar correspondencias</translation>
    </message>
    <message>
        <source>&lt;b&gt;Payer in the file&lt;/b&gt;</source>
        <translation>&lt;b&gt;Pagador en el archivo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Import as&lt;/b&gt;</source>
        <translation>&lt;b&gt;Importar como&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Import %1 as</source>
        <translation>Importar %1 como</translation>
    </message>
    <message>
        <source>Keep as is</source>
        <translation>Dejar tal cual</translation>
    </message>
    <message>
        <source>The known payers could not be read (%1); you can still keep the names as they are.</source>
        <translation>No se pudieron leer los pagadores conocidos (%1); puede dejar los nombres tal cual.</translation>
    </message>
    <message>
        <source>Every payer in the file is known or mapped.</source>
        <translation>Todos los pagadores del archivo son conocidos o tienen correspondencia.</translation>
    </message>
    <message>
        <source>Payer names of the file not known yet: %1.</source>
        <translation>Nombres de pagador del archivo aún no conocidos: %1.</translation>
    </message>
    <message>
        <source>Nothing to save: every payer is kept as is.</source>
        <translation>Nada que guardar: todos los pagadores se dejan tal cual.</translation>
    </message>
    <message>
        <source>The mappings were not saved: %1</source>
        <translation>No se guardaron las correspondencias: %1</translation>
    </message>
    <message>
        <source>Payer mappings saved: %1. Validating again with them…</source>
        <translation>Correspondencias de pagador guardadas: %1. Validando de nuevo con ellas…</translation>
    </message>
</context>
<context>
    <name>upstream::views::ImportPreviewPage</name>
    <message>
        <source>Would appear</source>
        <translation>Aparecería</translation>
    </message>
    <message>
        <source>Would change</source>
        <translation>Cambiaría</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>Preview signals</source>
        <translation>Vista previa de señales</translation>
    </message>
    <message>
        <source>What DriftWatch, DenialScope and DelayGuard would show after this import, computed on the file merged with what the target already holds. Nothing has been written yet.</source>
        <translation>Lo que DriftWatch, DenialScope y DelayGuard mostrarían después de esta importación, calculado sobre el archivo combinado con lo que el destino ya contiene. Todavía no se ha escrito nada.</translation>
    </message>
    <message>
        <source>&amp;Import &gt;</source>
        <translation>I&amp;mportar &gt;</translation>
    </message>
    <message>
        <source>Preview progress</source>
        <translation>Progreso de la vista previa</translation>
    </message>
    <message>
        <source>&amp;Stop preview</source>
        <translation>&amp;Detener vista previa</translation>
    </message>
    <message>
        <source>&amp;Run again</source>
        <translation>&amp;Ejecutar de nuevo</translation>
    </message>
    <message>
        <source>Signals after the import</source>
        <translation>Señales después de la importación</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Señal</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>CPT group or reason</source>
        <translation>Grupo CPT o motivo</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Δ</source>
        <translation>Δ</translation>
    </message>
    <message>
        <source>Reading the file with what the target holds: %1 rows · about %2 left</source>
        <translation>Leyendo el archivo con lo que contiene el destino: %1 filas · quedan unos %2</translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation>La vista previa falló: %1</translation>
    </message>
    <message>
        <source>The preview was stopped. You can still import; the dashboards update after a recompute.</source>
        <translation>La vista previa se detuvo. Puede importar igualmente; los paneles se actualizan después de un recálculo.</translation>
    </message>
    <message>
        <source>Previewing… %p%</source>
        <translation>Vista previa… %p%</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>As of %1, the merged data&apos;s own date (the date a recompute after the import uses).</source>
        <translation>A fecha de %1, la fecha propia de los datos combinados (la que usa un recálculo después de la importación).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 would appear, %3 would change, %4 unchanged</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 aparecerían, %3 cambiarían, %4 sin cambios</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>No signal on any dashboard with this file.</source>
        <translation>Ninguna señal en ningún panel con este archivo.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
</context>
<context>
    <name>upstream::views::ImportQualityPage</name>
    <message>
        <source>Unusual volume</source>
        <translation>Volumen inusual</translation>
    </message>
    <message>
        <source>Missing data</source>
        <translation>Datos ausentes</translation>
    </message>
    <message>
        <source>Outcome mix shifted</source>
        <translation>Cambio en la distribución de resultados</translation>
    </message>
    <message>
        <source>Duplicate claims</source>
        <translation>Reclamaciones duplicadas</translation>
    </message>
    <message>
        <source>%1 standard deviations from this customer&apos;s last 30 days of uploads</source>
        <translation>%1 desviaciones estándar respecto a las cargas de este cliente en los últimos 30 días</translation>
    </message>
    <message>
        <source>%1: %2 % of the rows are empty</source>
        <translation>%1: el %2 % de las filas están vacías</translation>
    </message>
    <message>
        <source>%1 share differs by %2 points from the 90-day mix</source>
        <translation>La proporción de %1 difiere en %2 puntos de la distribución de 90 días</translation>
    </message>
    <message>
        <source>%1 % of the accepted claims repeat an earlier claim</source>
        <translation>El %1 % de las reclamaciones aceptadas repite una reclamación anterior</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>Calidad de los datos</translation>
    </message>
    <message>
        <source>The share of rows accepted gives the score; uploads scoring 0.95 or more pass. Anomalies compare this file with the earlier uploads.</source>
        <translation>La puntuación es la proporción de filas aceptadas; las cargas con 0,95 o más se aprueban. Las anomalías comparan este archivo con las cargas anteriores.</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalías</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomalía</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>&amp;Anomalies:</source>
        <translation>&amp;Anomalías:</translation>
    </message>
    <message>
        <source>&lt;div style=&apos;font-size:30pt; font-weight:600; color:%1&apos;&gt;%2&lt;/div&gt;&lt;div style=&apos;font-size:11pt&apos;&gt;grade&lt;/div&gt;</source>
        <translation>&lt;div style=&apos;font-size:30pt; font-weight:600; color:%1&apos;&gt;%2&lt;/div&gt;&lt;div style=&apos;font-size:11pt&apos;&gt;calificación&lt;/div&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:14pt&apos;&gt;Quality score &lt;b&gt;%1&lt;/b&gt; — %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;font-size:14pt&apos;&gt;Puntuación de calidad &lt;b&gt;%1&lt;/b&gt; — %2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1e7b34&apos;&gt;passes&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1e7b34&apos;&gt;aprobada&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;below the 0.95 pass mark&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;por debajo del umbral de aprobación de 0,95&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 of %2 rows accepted, %3 rejected, %4 warnings, %5 duplicate claims.%6</source>
        <translation>%1 de %2 filas aceptadas, %3 rechazadas, %4 advertencias, %5 reclamaciones duplicadas.%6</translation>
    </message>
    <message>
        <source> This file was imported before.</source>
        <translation> Este archivo ya se importó anteriormente.</translation>
    </message>
    <message>
        <source>No anomalies</source>
        <translation>Sin anomalías</translation>
    </message>
    <message>
        <source>%1 pending (not yet decided) — accepted</source>
        <translation>%1 reclamaciones pendientes (aún sin decidir) — aceptadas</translation>
    </message>
    <message>
        <source>⚠ Accepted rows without claim_ref: %1. They will be added as new claims, and importing a later export of the same claims will count them twice.</source>
        <translation>⚠ Filas aceptadas sin claim_ref: %1. Se añadirán como reclamaciones nuevas, e importar una exportación posterior de las mismas reclamaciones las contará dos veces.</translation>
    </message>
    <message>
        <source>Import this file again?</source>
        <translation>¿Importar este archivo de nuevo?</translation>
    </message>
    <message>
        <source>This file was imported before on this target. Claims with a claim_ref will be matched, not doubled; rows without claim_ref would be added again. Import anyway?</source>
        <translation>Este archivo ya se importó antes en este destino. Las reclamaciones con claim_ref se emparejarán, no se duplicarán; las filas sin claim_ref se añadirían de nuevo. ¿Importar de todos modos?</translation>
    </message>
    <message>
        <source>excellent</source>
        <translation>excelente</translation>
    </message>
    <message>
        <source>good</source>
        <translation>buena</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>aceptable</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>deficiente</translation>
    </message>
    <message>
        <source>Health score &lt;b&gt;%1&lt;/b&gt; / 100 — %2. Accepted over 30 days %3 %, completeness %4 %, validity %5 %, timeliness %6 % (%7 days since the newest claim), open anomalies %8, uploads in 30 days %9.</source>
        <translation>Puntuación de salud &lt;b&gt;%1&lt;/b&gt; / 100 — %2. Aceptado en 30 días %3 %, completitud %4 %, validez %5 %, puntualidad %6 % (%7 días desde la reclamación más reciente), anomalías abiertas %8, cargas en 30 días %9.</translation>
    </message>
    <message>
        <source> Earlier uploads could not be read (%1): volume and outcome-mix checks use no history.</source>
        <translation> No se pudieron leer las cargas anteriores (%1): las comprobaciones de volumen y de mezcla de resultados no usan historial.</translation>
    </message>
    <message>
        <source>Your IT policy does not allow importing a file below the 0.95 pass mark. Main rejection causes: %1. Correct these rows in the export and validate it again.</source>
        <translation>Su política de TI no permite importar un archivo por debajo del umbral de 0,95. Causas principales de rechazo: %1. Corrija estas filas en la exportación y valídela de nuevo.</translation>
    </message>
    <message>
        <source>Below the 0.95 pass mark: importing asks you to confirm. Main rejection causes: %1.</source>
        <translation>Por debajo del umbral de 0,95: la importación le pedirá confirmación. Causas principales de rechazo: %1.</translation>
    </message>
    <message>
        <source>Import a file below the pass mark?</source>
        <translation>¿Importar un archivo por debajo del umbral?</translation>
    </message>
    <message>
        <source>Only %1 of %2 rows passed validation (quality score %3, below the 0.95 pass mark). Main rejection causes: %4. The rejected rows will not be imported. Import the %1 accepted rows anyway?</source>
        <translation>Solo %1 de %2 filas superaron la validación (puntuación de calidad %3, por debajo del umbral de 0,95). Causas principales de rechazo: %4. Las filas rechazadas no se importarán. ¿Importar de todos modos las %1 filas aceptadas?</translation>
    </message>
</context>
<context>
    <name>upstream::views::ImportRunPage</name>
    <message>
        <source>Import</source>
        <translation>Importación</translation>
    </message>
    <message>
        <source>The accepted rows are loaded in one transaction: a cancelled or failed import leaves nothing behind.</source>
        <translation>Las filas aceptadas se cargan en una sola transacción: una importación cancelada o fallida no deja nada.</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progreso de la importación</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>&amp;Cancelar importación</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>%1 claims imported. Continue to the summary.</source>
        <translation>Se importaron %1 reclamaciones. Continúe al resumen.</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>La importación falló: %1</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was stored.</source>
        <translation>La importación se canceló; no se guardó nada.</translation>
    </message>
    <message>
        <source>Importing %1 accepted claims from %2.</source>
        <translation>Importando %1 reclamaciones aceptadas de %2.</translation>
    </message>
    <message>
        <source>Importing… %p%</source>
        <translation>Importando… %p%</translation>
    </message>
    <message>
        <source>%1 rows · %2 rows/s · about %3 left</source>
        <translation>%1 filas · %2 filas/s · tiempo restante aprox.: %3</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
</context>
<context>
    <name>upstream::views::ImportSummaryPage</name>
    <message>
        <source>Import complete</source>
        <translation>Importación completada</translation>
    </message>
    <message>
        <source>Review the outcome. Rejected rows can be exported to fix them at the source.</source>
        <translation>Revise el resultado. Las filas rechazadas se pueden exportar para corregirlas en el origen.</translation>
    </message>
    <message>
        <source>&amp;Export rejected rows…</source>
        <translation>&amp;Exportar filas rechazadas…</translation>
    </message>
    <message>
        <source>Recompute &amp;signals</source>
        <translation>Recalcular &amp;señales</translation>
    </message>
    <message>
        <source>Re-run DriftWatch, DenialScope and DelayGuard with the new claims</source>
        <translation>Vuelve a ejecutar DriftWatch, DenialScope y DelayGuard con las nuevas reclamaciones</translation>
    </message>
    <message>
        <source>claims accepted</source>
        <translation>reclamaciones aceptadas</translation>
    </message>
    <message>
        <source>rows rejected</source>
        <translation>filas rechazadas</translation>
    </message>
    <message>
        <source>warnings</source>
        <translation>advertencias</translation>
    </message>
    <message>
        <source>Signals will be recomputed with the new claims.</source>
        <translation>Las señales se recalcularán con las nuevas reclamaciones.</translation>
    </message>
    <message>
        <source>%1 rejected rows exported to %2.</source>
        <translation>%1 filas rechazadas exportadas a %2.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
    <message>
        <source>Rejected rows were not imported.</source>
        <translation>Las filas rechazadas no se importaron.</translation>
    </message>
    <message>
        <source>Every row was imported.</source>
        <translation>Se importaron todas las filas.</translation>
    </message>
    <message>
        <source>-rejected.csv</source>
        <translation>-rechazadas.csv</translation>
    </message>
    <message>
        <source>Export rejected rows</source>
        <translation>Exportar filas rechazadas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting rejected rows…</source>
        <translation>Exportando filas rechazadas…</translation>
    </message>
    <message>
        <source>On the target: &lt;b&gt;%1&lt;/b&gt; new claims · &lt;b&gt;%2&lt;/b&gt; updated · &lt;b&gt;%3&lt;/b&gt; unchanged</source>
        <translation>En el destino: &lt;b&gt;%1&lt;/b&gt; reclamaciones nuevas · &lt;b&gt;%2&lt;/b&gt; actualizadas · &lt;b&gt;%3&lt;/b&gt; sin cambios</translation>
    </message>
    <message>
        <source>This file had been imported before: its claims were matched, not doubled.</source>
        <translation>Este archivo ya se había importado: sus reclamaciones se emparejaron, no se duplicaron.</translation>
    </message>
    <message>
        <source>The export was removed because it could not be recorded in the audit log: %1</source>
        <translation>La exportación se eliminó porque no se pudo registrar en el registro de auditoría: %1</translation>
    </message>
</context>
<context>
    <name>upstream::views::ImportValidationPage</name>
    <message>
        <source>Validate the rows</source>
        <translation>Valide las filas</translation>
    </message>
    <message>
        <source>Every row is checked against the claim rules and scanned for patient data. PHI in a reason text is blanked, anywhere else it rejects the row; PHI values are never shown.</source>
        <translation>Cada fila se comprueba con las reglas de reclamaciones y se analiza en busca de datos de pacientes. La PHI en un texto de motivo se borra; en cualquier otro campo, la fila se rechaza. Los valores de PHI nunca se muestran.</translation>
    </message>
    <message>
        <source>Validation progress</source>
        <translation>Progreso de la validación</translation>
    </message>
    <message>
        <source>&amp;Cancel validation</source>
        <translation>&amp;Cancelar validación</translation>
    </message>
    <message>
        <source>&amp;Re-run</source>
        <translation>&amp;Volver a ejecutar</translation>
    </message>
    <message>
        <source>Show issues of category</source>
        <translation>Mostrar incidencias de la categoría</translation>
    </message>
    <message>
        <source>All issues</source>
        <translation>Todas las incidencias</translation>
    </message>
    <message>
        <source>Validation issues</source>
        <translation>Incidencias de validación</translation>
    </message>
    <message>
        <source>Validation cancelled. Re-run it to continue.</source>
        <translation>Validación cancelada. Vuelva a ejecutarla para continuar.</translation>
    </message>
    <message>
        <source>Validating… %p%</source>
        <translation>Validando… %p%</translation>
    </message>
    <message>
        <source>%1 rows checked · %2 rows/s · about %3 left</source>
        <translation>%1 filas comprobadas · %2 filas/s · tiempo restante aprox.: %3</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validado</translation>
    </message>
    <message>
        <source>%1 rows · encoding %2 · delimiter %3</source>
        <translation>%1 filas · codificación %2 · delimitador %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; accepted · &lt;b&gt;%2&lt;/b&gt; rejected (%3) · &lt;b&gt;%4&lt;/b&gt; warnings</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; aceptadas · &lt;b&gt;%2&lt;/b&gt; rechazadas (%3) · &lt;b&gt;%4&lt;/b&gt; advertencias</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:#b3261e&apos;&gt;Every row was rejected: fix the mapping or the file.&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#b3261e&apos;&gt;Se rechazaron todas las filas: corrija la asignación o el archivo.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;The table lists the first %1 issues; the counts are complete.</source>
        <translation>&lt;br&gt;La tabla muestra las primeras %1 incidencias; los recuentos están completos.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No patient data found.</source>
        <translation>No se encontraron datos de pacientes.</translation>
    </message>
    <message>
        <source>Patient data found and kept out of the import — %1</source>
        <translation>Se encontraron datos de pacientes y se excluyeron de la importación — %1</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
</context>
<context>
    <name>upstream::views::ImportWizard</name>
    <message>
        <source>Import claims</source>
        <translation>Importar reclamaciones</translation>
    </message>
    <message>
        <source>Import claims wizard</source>
        <translation>Asistente de importación de reclamaciones</translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation>calculando…</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>This workspace cannot store payer mappings.</source>
        <translation>Este espacio de trabajo no puede guardar correspondencias de pagador.</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <source>&amp;Preview signals &gt;</source>
        <translation>&amp;Vista previa de señales &gt;</translation>
    </message>
    <message>
        <source>&amp;Import &gt;</source>
        <translation>I&amp;mportar &gt;</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
</context>
<context>
    <name>upstream::views::LedgerEntryEditor</name>
    <message>
        <source>Edit ledger entry</source>
        <translation>Editar entrada del libro de recuperaciones</translation>
    </message>
    <message>
        <source>New ledger entry</source>
        <translation>Nueva entrada del libro de recuperaciones</translation>
    </message>
    <message>
        <source>Version %1 · last changed %2</source>
        <translation>Versión %1 · última modificación %2</translation>
    </message>
    <message>
        <source>Save problem</source>
        <translation>Problema al guardar</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>&amp;Producto</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Payer name as it appears on the remittance</source>
        <translation>Nombre del pagador tal como aparece en la remesa</translation>
    </message>
    <message>
        <source>Pa&amp;yer</source>
        <translation>P&amp;agador</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>E&amp;xpected ($)</source>
        <translation>&amp;Esperado ($)</translation>
    </message>
    <message>
        <source>Expected amount in dollars</source>
        <translation>Importe esperado en dólares</translation>
    </message>
    <message>
        <source>&amp;Recovered ($)</source>
        <translation>&amp;Recuperado ($)</translation>
    </message>
    <message>
        <source>Recovered amount in dollars</source>
        <translation>Importe recuperado en dólares</translation>
    </message>
    <message>
        <source>Money received on</source>
        <translation>Dinero recibido el</translation>
    </message>
    <message>
        <source>Recovered date is set</source>
        <translation>La fecha de recuperación está indicada</translation>
    </message>
    <message>
        <source>Recovered date</source>
        <translation>Fecha de recuperación</translation>
    </message>
    <message>
        <source>Recovered &amp;date</source>
        <translation>&amp;Fecha de recuperación</translation>
    </message>
    <message>
        <source>&amp;State</source>
        <translation>E&amp;stado</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>Responsa&amp;ble</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>What was done, who was contacted. No patient details.</source>
        <translation>Qué se hizo, con quién se habló. Sin datos de pacientes.</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Alert %1</source>
        <translation>Alerta %1</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>Aprobada por %1</translation>
    </message>
    <message>
        <source>Save entry</source>
        <translation>Guardar entrada</translation>
    </message>
    <message>
        <source>Enter an amount in dollars, e.g. 1250.00 (not negative).</source>
        <translation>Introduzca un importe en dólares, p. ej. 1250.00 (no negativo).</translation>
    </message>
    <message>
        <source>More than the expected %1: you will be asked to confirm when saving.</source>
        <translation>Más que el importe esperado de %1: se le pedirá confirmación al guardar.</translation>
    </message>
    <message>
        <source>Recovered more than expected?</source>
        <translation>¿Se recuperó más de lo esperado?</translation>
    </message>
    <message>
        <source>The recovered amount (%1) is more than the expected amount (%2). Save it anyway?</source>
        <translation>El importe recuperado (%1) es mayor que el importe esperado (%2). ¿Desea guardarlo de todos modos?</translation>
    </message>
</context>
<context>
    <name>upstream::views::LedgerHistoryView</name>
    <message>
        <source>Change history</source>
        <translation>Historial de cambios</translation>
    </message>
    <message>
        <source>Change history — %1, %2</source>
        <translation>Historial de cambios: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n saved change(s); current version %1.</source>
        <translation>
            <numerusform>%n cambio guardado; versión actual %1.</numerusform>
            <numerusform>%n cambios guardados; versión actual %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>No se pudo leer el historial: %1</translation>
    </message>
</context>
<context>
    <name>upstream::views::LedgerPage</name>
    <message>
        <source>Recovery ledger</source>
        <translation>Libro de recuperaciones</translation>
    </message>
    <message>
        <source>Expected and recovered amounts per signal, their approval and history. Signed in as %1 (%2).</source>
        <translation>Importes esperados y recuperados por señal, su aprobación y su historial. Sesión iniciada como %1 (%2).</translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation>Entradas del libro de recuperaciones</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>&amp;Nueva entrada</translation>
    </message>
    <message>
        <source>Add a recovery to the ledger (Ctrl+N)</source>
        <translation>Agregar una recuperación al libro de recuperaciones (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Edit the selected entry (Enter)</source>
        <translation>Editar la entrada seleccionada (Intro)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>A&amp;probar</translation>
    </message>
    <message>
        <source>Who changed what, and when</source>
        <translation>Quién cambió qué y cuándo</translation>
    </message>
    <message>
        <source>Ledger status</source>
        <translation>Estado del libro de recuperaciones</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Export the visible entries as CSV</source>
        <translation>Exportar las entradas visibles como CSV</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exportar P&amp;DF…</translation>
    </message>
    <message>
        <source>Export the visible entries as a PDF</source>
        <translation>Exportar las entradas visibles como PDF</translation>
    </message>
    <message>
        <source>Recovered this month</source>
        <translation>Recuperado este mes</translation>
    </message>
    <message>
        <source>Recovered, last 30 days</source>
        <translation>Recuperado, últimos 30 días</translation>
    </message>
    <message>
        <source>Recovered, all time</source>
        <translation>Recuperado en total</translation>
    </message>
    <message>
        <source>Still expected (open)</source>
        <translation>Aún esperado (abiertas)</translation>
    </message>
    <message>
        <source>Break totals down by</source>
        <translation>Desglosar los totales por</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>S&amp;tate</source>
        <translation>E&amp;stado</translation>
    </message>
    <message>
        <source>Filter by product</source>
        <translation>Filtrar por producto</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>Todos los productos</translation>
    </message>
    <message>
        <source>P&amp;roduct</source>
        <translation>P&amp;roducto</translation>
    </message>
    <message>
        <source>Filter by payer</source>
        <translation>Filtrar por pagador</translation>
    </message>
    <message>
        <source>Pa&amp;yer</source>
        <translation>Pa&amp;gador</translation>
    </message>
    <message>
        <source>Search the ledger</source>
        <translation>Buscar en el libro de recuperaciones</translation>
    </message>
    <message>
        <source>Search payer, owner, notes…</source>
        <translation>Buscar pagador, responsable, notas…</translation>
    </message>
    <message>
        <source>All payers</source>
        <translation>Todos los pagadores</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>y %n más</numerusform>
            <numerusform>y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>Sin entradas</translation>
    </message>
    <message>
        <source>Approved entries are final; record a correction as a new entry</source>
        <translation>Las entradas aprobadas son definitivas; registre la corrección como una entrada nueva</translation>
    </message>
    <message>
        <source>Only a supervisor can approve entries</source>
        <translation>Solo un supervisor puede aprobar entradas</translation>
    </message>
    <message>
        <source>Approve a recovered or written-off entry</source>
        <translation>Aprobar una entrada recuperada o dada de baja</translation>
    </message>
    <message>
        <source>Saved %1 (version %2).</source>
        <translation>Entrada de %1 guardada (versión %2).</translation>
    </message>
    <message>
        <source>Approve entry</source>
        <translation>Aprobar entrada</translation>
    </message>
    <message>
        <source>Approve the %1 entry: %2 recovered of %3 expected?</source>
        <translation>¿Aprobar la entrada de %1: %2 recuperados de %3 esperados?</translation>
    </message>
    <message>
        <source>Approval not saved</source>
        <translation>No se guardó la aprobación</translation>
    </message>
    <message>
        <source>Approved %1.</source>
        <translation>Entrada de %1 aprobada.</translation>
    </message>
    <message>
        <source>Export ledger as CSV</source>
        <translation>Exportar el libro de recuperaciones como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to CSV.</source>
        <translation>
            <numerusform>Se exportó %n entrada a CSV.</numerusform>
            <numerusform>Se exportaron %n entradas a CSV.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export ledger as PDF</source>
        <translation>Exportar el libro de recuperaciones como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to PDF.</source>
        <translation>
            <numerusform>Se exportó %n entrada a PDF.</numerusform>
            <numerusform>Se exportaron %n entradas a PDF.</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>Re&amp;solver…</translation>
    </message>
    <message>
        <source>Compare your version with the one on the server, field by field</source>
        <translation>Compare su versión con la del servidor, campo por campo</translation>
    </message>
    <message>
        <source>Ledger entries changed on another workstation while you edited them: %1. Your edits are kept here and wait until you choose what to keep.</source>
        <translation>Entradas del registro modificadas en otra estación mientras usted las editaba: %1. Sus cambios se conservan aquí y esperan a que elija qué mantener.</translation>
    </message>
    <message>
        <source>Entry removed on the server</source>
        <translation>Entrada eliminada en el servidor</translation>
    </message>
    <message>
        <source>The %1 entry you changed no longer exists on the server. Keep your version (it is sent again as a new entry) or remove it from this workstation?</source>
        <translation>La entrada de %1 que usted modificó ya no existe en el servidor. ¿Conservar su versión (se envía de nuevo como entrada nueva) o eliminarla de esta estación?</translation>
    </message>
    <message>
        <source>Conflict resolved.</source>
        <translation>Conflicto resuelto.</translation>
    </message>
    <message>
        <source>Conflict resolved; the result is queued for the server.</source>
        <translation>Conflicto resuelto; el resultado queda en cola para el servidor.</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>No recovery entries yet. Mark an alert real on a dashboard (R) and accept the ledger offer (L), or add one with New entry (Ctrl+N).</source>
        <translation>Aún no hay entradas de recuperación. Marque una alerta como real en un panel (R) y acepte la oferta del registro (L), o añada una con Nueva entrada (Ctrl+N).</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Nothing to undo (Ctrl+Z)</source>
        <translation>Nada que deshacer (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Nothing to redo (Ctrl+Shift+Z)</source>
        <translation>Nada que rehacer (Ctrl+Mayús+Z)</translation>
    </message>
    <message>
        <source>Redone: %1 (version %2).</source>
        <translation>Rehecho: %1 (versión %2).</translation>
    </message>
    <message>
        <source>Undone: %1 (version %2).</source>
        <translation>Deshecho: %1 (versión %2).</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <source>Money recovered by</source>
        <translation>Dinero recuperado por</translation>
    </message>
    <message>
        <source>Operator: who recorded the recovered amount. Owner: who works the entry.</source>
        <translation>Operador: quien registró el importe recuperado. Responsable: quien gestiona la entrada.</translation>
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
        <source>Payer denial-rate drift, by decision date, against each payer&apos;s baseline.</source>
        <translation>Desviación de la tasa de denegación de cada pagador, por fecha de decisión, respecto a su línea base.</translation>
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
        <translation>Libro de recuperaciones: importes esperados y recuperados, aprobaciones e historial.</translation>
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
    <message>
        <source>&amp;Recompute signals…</source>
        <translation>&amp;Recalcular señales…</translation>
    </message>
    <message>
        <source>&amp;User guide (%1)</source>
        <translation>&amp;Guía del usuario (%1)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
</context>
<context>
    <name>upstream::views::MetricChart</name>
    <message>
        <source>Baseline window</source>
        <translation>Ventana de referencia</translation>
    </message>
    <message>
        <source>Current window</source>
        <translation>Ventana actual</translation>
    </message>
    <message>
        <source>Daily value</source>
        <translation>Valor diario</translation>
    </message>
    <message>
        <source>%1 — no data yet</source>
        <translation>%1 — aún sin datos</translation>
    </message>
</context>
<context>
    <name>upstream::views::RecomputeDialog</name>
    <message>
        <source>Recompute signals</source>
        <translation>Recalcular señales</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <source>&amp;DriftWatch</source>
        <translation>&amp;DriftWatch</translation>
    </message>
    <message>
        <source>Denial rate by payer and CPT group</source>
        <translation>Tasa de denegación por pagador y grupo CPT</translation>
    </message>
    <message>
        <source>De&amp;nialScope</source>
        <translation>De&amp;nialScope</translation>
    </message>
    <message>
        <source>Denial reasons by payer</source>
        <translation>Motivos de denegación por pagador</translation>
    </message>
    <message>
        <source>De&amp;layGuard</source>
        <translation>De&amp;layGuard</translation>
    </message>
    <message>
        <source>Adjudication and payment delays</source>
        <translation>Retrasos de resolución y de pago</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>A fecha de</translation>
    </message>
    <message>
        <source>The data&apos;s &amp;own date (the day after its newest claim date)</source>
        <translation>La fecha &amp;propia de los datos (el día después de su fecha de reclamación más reciente)</translation>
    </message>
    <message>
        <source>&amp;A chosen date:</source>
        <translation>Una &amp;fecha elegida:</translation>
    </message>
    <message>
        <source>As-of date</source>
        <translation>Fecha de referencia</translation>
    </message>
    <message>
        <source>Windows end the day before the as-of date: an earlier date replays what an export taken that day would have shown.</source>
        <translation>Las ventanas terminan el día anterior a la fecha de referencia: una fecha anterior reproduce lo que habría mostrado una exportación tomada ese día.</translation>
    </message>
    <message>
        <source>Recompute progress</source>
        <translation>Progreso del recálculo</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Signals found: %1 (%2 new, %3 updated). Alerts created: %4. As of %5.</source>
        <translation>Señales encontradas: %1 (%2 nuevas, %3 actualizadas). Alertas creadas: %4. A fecha de %5.</translation>
    </message>
    <message>
        <source>The recompute failed: %1</source>
        <translation>El recálculo falló: %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written; the signals are as they were.</source>
        <translation>Cancelado: no se escribió nada; las señales siguen como estaban.</translation>
    </message>
    <message>
        <source>Open a workspace or sign in to a server first.</source>
        <translation>Abra primero un espacio de trabajo o inicie sesión en un servidor.</translation>
    </message>
    <message>
        <source>The recompute cannot start: %1</source>
        <translation>El recálculo no puede empezar: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
</context>
<context>
    <name>upstream::views::RefusedChangesDialog</name>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Undone verdict</source>
        <translation>Veredicto deshecho</translation>
    </message>
    <message>
        <source>Ledger entry change</source>
        <translation>Cambio de entrada del registro</translation>
    </message>
    <message>
        <source>Ledger approval</source>
        <translation>Aprobación del registro</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Descartar…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Changes needing attention</source>
        <translation>Cambios que requieren atención</translation>
    </message>
    <message>
        <source>The server refused these changes. They stay on this computer and are not sent again until you retry them. Retry after the cause is fixed (for example once your role allows the change); discard a change you no longer want to send.</source>
        <translation>El servidor rechazó estos cambios. Se quedan en este equipo y no se vuelven a enviar hasta que los reintente. Reintente cuando se haya corregido la causa (por ejemplo, cuando su rol permita el cambio); descarte un cambio que ya no quiera enviar.</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Cambios rechazados</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Server&apos;s reason</source>
        <translation>Motivo del servidor</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Nothing needs attention: every change was accepted or is still waiting to be sent.</source>
        <translation>Nada requiere atención: todos los cambios se aceptaron o siguen esperando a enviarse.</translation>
    </message>
    <message>
        <source>Send the selected change again at the next sync</source>
        <translation>Volver a enviar el cambio seleccionado en la próxima sincronización</translation>
    </message>
    <message>
        <source>Stop sending the selected change (this computer only)</source>
        <translation>Dejar de enviar el cambio seleccionado (solo en este equipo)</translation>
    </message>
    <message>
        <source>Conflict: the entry changed on the server since this edit. Resolve it on the Recovery ledger page (Ctrl+5).</source>
        <translation>Conflicto: la entrada cambió en el servidor después de esta edición. Resuélvalo en la página del registro de recuperación (Ctrl+5).</translation>
    </message>
    <message>
        <source>A conflict is resolved on the Recovery ledger page: retrying it as it is would conflict again</source>
        <translation>Un conflicto se resuelve en la página del registro de recuperación: reintentarlo tal cual volvería a generar conflicto</translation>
    </message>
    <message>
        <source>Queued again: it is sent at the next sync.</source>
        <translation>En cola de nuevo: se envía en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Descartar cambio</translation>
    </message>
    <message>
        <source>Discard this change? It will not be sent to the server. What this computer shows stays as it is until the server&apos;s version arrives.</source>
        <translation>¿Descartar este cambio? No se enviará al servidor. Lo que muestra este equipo se queda como está hasta que llegue la versión del servidor.</translation>
    </message>
    <message>
        <source>Change discarded.</source>
        <translation>Cambio descartado.</translation>
    </message>
    <message>
        <source>Audit event</source>
        <translation>Evento de auditoría</translation>
    </message>
    <message>
        <source>Audit events are never discarded: retry once the cause is fixed</source>
        <translation>Los eventos de auditoría nunca se descartan: vuelva a intentarlo cuando se haya corregido la causa</translation>
    </message>
</context>
<context>
    <name>upstream::views::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Estación de trabajo</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>Carpeta del espacio de trabajo</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Workspace folder:</source>
        <translation>Carpeta del &amp;espacio de trabajo:</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Lock after minutes without input</source>
        <translation>Bloquear tras estos minutos sin actividad</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock &amp;after:</source>
        <translation>Bloquear &amp;tras:</translation>
    </message>
    <message>
        <source>&amp;Remember my password in the system keychain</source>
        <translation>&amp;Recordar mi contraseña en el llavero del sistema</translation>
    </message>
    <message>
        <source>Your IT department does not allow remembering passwords.</source>
        <translation>Su departamento de TI no permite recordar contraseñas.</translation>
    </message>
    <message>
        <source>&amp;Wipe decrypted data from memory (slower)</source>
        <translation>&amp;Borrar de la memoria los datos descifrados (más lento)</translation>
    </message>
    <message>
        <source>Import and diagnostics</source>
        <translation>Importación y diagnóstico</translation>
    </message>
    <message>
        <source>Uploads below the quality pass mark</source>
        <translation>Cargas por debajo del umbral de calidad</translation>
    </message>
    <message>
        <source>Ask me to confirm</source>
        <translation>Pedirme confirmación</translation>
    </message>
    <message>
        <source>Refuse them</source>
        <translation>Rechazarlas</translation>
    </message>
    <message>
        <source>Below the &amp;quality mark:</source>
        <translation>Bajo el umbral de &amp;calidad:</translation>
    </message>
    <message>
        <source>Log detail</source>
        <translation>Detalle del registro</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Solo errores</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>Detallado</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Log &amp;detail:</source>
        <translation>&amp;Detalle del registro:</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>No server: this workstation works on a local workspace.</source>
        <translation>Sin servidor: esta estación trabaja con un espacio de trabajo local.</translation>
    </message>
    <message>
        <source>%1:%2, database %3, TLS %4. Change it in the sign-in dialog.</source>
        <translation>%1:%2, base de datos %3, TLS %4. Se cambia en el diálogo de inicio de sesión.</translation>
    </message>
    <message>
        <source>the workspace folder</source>
        <translation>la carpeta del espacio de trabajo</translation>
    </message>
    <message>
        <source>A change to %1 takes effect the next time you start Upstream Workstation.</source>
        <translation>Un cambio en %1 se aplica la próxima vez que inicie Upstream Workstation.</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Establecido por su departamento de TI</translation>
    </message>
    <message>
        <source>Your IT department set this for this computer (machine policy).</source>
        <translation>Su departamento de TI lo fijó para este equipo (política del equipo).</translation>
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
    <message>
        <source>This mode does not check that the server is the one named above: use it only for a test server.</source>
        <translation>Este modo no comprueba que el servidor sea el indicado arriba: úselo solo con un servidor de pruebas.</translation>
    </message>
    <message>
        <source>Your IT department does not allow remembering passwords.</source>
        <translation>Su departamento de TI no permite recordar contraseñas.</translation>
    </message>
    <message numerus="yes">
        <source>Your sign-in has expired: the server no longer accepts your password (it may have been changed). Your work on this computer is kept, and so are the changes waiting to be sent (%n). Sign in again to send them; until then you can keep working offline.</source>
        <translation>
            <numerusform>Su sesión ha caducado: el servidor ya no acepta su contraseña (puede que se haya cambiado). Su trabajo en este equipo se conserva, y también el cambio pendiente de envío (%n). Inicie sesión de nuevo para enviarlo; mientras tanto puede seguir trabajando sin conexión.</numerusform>
            <numerusform>Su sesión ha caducado: el servidor ya no acepta su contraseña (puede que se haya cambiado). Su trabajo en este equipo se conserva, y también los %n cambios pendientes de envío. Inicie sesión de nuevo para enviarlos; mientras tanto puede seguir trabajando sin conexión.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Iniciar sesión de nuevo</translation>
    </message>
    <message>
        <source>&amp;Work offline</source>
        <translation>&amp;Trabajar sin conexión</translation>
    </message>
</context>
<context>
    <name>upstream::views::SyncStatusBar</name>
    <message>
        <source>Queued changes</source>
        <translation>Cambios en cola</translation>
    </message>
    <message>
        <source>Changes needing attention</source>
        <translation>Cambios que requieren atención</translation>
    </message>
    <message>
        <source>Changes the server refused: see why, then retry or discard them</source>
        <translation>Cambios que el servidor rechazó: vea por qué y luego reinténtelos o descártelos</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Send queued changes and fetch the server&apos;s (F5)</source>
        <translation>Enviar los cambios en cola y traer los del servidor (F5)</translation>
    </message>
    <message>
        <source>Nothing waiting to sync</source>
        <translation>Nada pendiente de sincronizar</translation>
    </message>
    <message>
        <source>1 change queued</source>
        <translation>1 cambio en cola</translation>
    </message>
    <message>
        <source>%1 changes queued</source>
        <translation>%1 cambios en cola</translation>
    </message>
    <message>
        <source>1 change needs attention</source>
        <translation>1 cambio requiere atención</translation>
    </message>
    <message>
        <source>%1 changes need attention</source>
        <translation>%1 cambios requieren atención</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Última sincronización %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
</context>
<context>
    <name>upstream::views::TriagePanel</name>
    <message>
        <source>Undo last (Ctrl+Z)</source>
        <translation>Deshacer el último (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>Código de motivo</translation>
    </message>
    <message>
        <source>(no reason code)</source>
        <translation>(sin código de motivo)</translation>
    </message>
    <message>
        <source>Notes for the verdict</source>
        <translation>Notas del veredicto</translation>
    </message>
    <message>
        <source>Notes (optional)</source>
        <translation>Notas (opcional)</translation>
    </message>
    <message>
        <source>Real  (R)</source>
        <translation>Real  (R)</translation>
    </message>
    <message>
        <source>Mark real</source>
        <translation>Marcar como real</translation>
    </message>
    <message>
        <source>Noise  (N)</source>
        <translation>Ruido  (N)</translation>
    </message>
    <message>
        <source>Mark noise</source>
        <translation>Marcar como ruido</translation>
    </message>
    <message>
        <source>Needs follow-up  (F)</source>
        <translation>Requiere seguimiento  (F)</translation>
    </message>
    <message>
        <source>Mark needs follow-up</source>
        <translation>Marcar como que requiere seguimiento</translation>
    </message>
    <message>
        <source>Deep dive  (Enter)</source>
        <translation>Análisis detallado  (Intro)</translation>
    </message>
    <message>
        <source>Open the deep dive</source>
        <translation>Abrir el análisis detallado</translation>
    </message>
    <message>
        <source>Undo the last verdict</source>
        <translation>Deshacer el último veredicto</translation>
    </message>
    <message>
        <source>Marked real. Track the money in the recovery ledger?</source>
        <translation>Marcada como real. ¿Desea registrar el dinero en el libro de recuperaciones?</translation>
    </message>
    <message>
        <source>Open ledger entry  (L)</source>
        <translation>Abrir entrada del libro  (L)</translation>
    </message>
    <message>
        <source>Open a recovery-ledger entry</source>
        <translation>Abrir una entrada del libro de recuperaciones</translation>
    </message>
    <message>
        <source>No alert selected.</source>
        <translation>No hay ninguna alerta seleccionada.</translation>
    </message>
    <message>
        <source>1 alert selected.</source>
        <translation>1 alerta seleccionada.</translation>
    </message>
    <message>
        <source>%1 alerts selected: one verdict applies to all.</source>
        <translation>%1 alertas seleccionadas: un mismo veredicto se aplica a todas.</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Rehacer (Ctrl+Mayús+Z)</translation>
    </message>
    <message>
        <source>Record the undone verdict again</source>
        <translation>Registrar de nuevo el veredicto deshecho</translation>
    </message>
    <message>
        <source>Keys: J/K move · R real · N noise · F follow-up · Enter deep dive · L ledger entry · / search · Ctrl+Z undo · Ctrl+Shift+Z redo · Shift+J/K extend the selection</source>
        <translation>Teclas: J/K moverse · R real · N ruido · F seguimiento · Intro análisis detallado · L entrada del registro · / buscar · Ctrl+Z deshacer · Ctrl+Mayús+Z rehacer · Mayús+J/K ampliar la selección</translation>
    </message>
</context>
<context>
    <name>upstream::views::UserGuideDialog</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guía del usuario</translation>
    </message>
    <message>
        <source>The user guide is not installed on this computer. Ask IT to reinstall Upstream Workstation, or read the guides in the docs folder of the installation media.</source>
        <translation>La guía del usuario no está instalada en este equipo. Pida a TI que reinstale Upstream Workstation o lea las guías de la carpeta docs del medio de instalación.</translation>
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
