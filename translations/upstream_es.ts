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
    <name>QObject</name>
    <message>
        <source>No saved secret was found in the system keychain.</source>
        <translation>No se encontró ningún secreto guardado en el llavero del sistema.</translation>
    </message>
    <message>
        <source>The system keychain could not %1: %2. Make sure a keyring is available and unlocked.</source>
        <translation>El llavero del sistema no pudo %1: %2. Compruebe que haya un llavero disponible y desbloqueado.</translation>
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
        <translation>Importe exportaciones CSV de reclamaciones con validación en vivo y puntuación de la calidad de los datos.</translation>
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
    <name>upstream::widgets::ConnectionStatusLabel</name>
    <message>
        <source>Connection state</source>
        <translation>Estado de la conexión</translation>
    </message>
</context>
</TS>
