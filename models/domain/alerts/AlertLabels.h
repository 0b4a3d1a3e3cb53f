#pragma once
// Words for the triage ids people see (translated, lupdate context "AlertLabels"): a verdict ("real", "noise",
// "needs_followup") and a verdict's reason code (SPEC 7: false_positive, data_entry_error, payer_policy_change,
// coding_issue, expected_seasonal, other). The ids themselves stay in the database, the outbox and exports for
// scripts; every screen shows these labels. An unknown id is returned unchanged, so a newer server's value still
// shows something.
#include <QString>

namespace upstream::alerts {

QString verdictLabel(const QString &verdictId);
QString reasonLabel(const QString &reasonCode); // empty id → empty text

// Why an alert was suppressed. Stored in English (the source text, whoever computed it and in whatever language),
// translated when shown: suppressionLabel() turns a stored reason into the reader's language; text it does not
// recognise (an older or newer writer's) is returned as it is.
QString noiseSuppression(int noiseVerdicts);    // stored form
QString cooldownSuppression(qint64 minutesAgo); // stored form
QString suppressionLabel(const QString &stored);

} // namespace upstream::alerts
