#include "LedgerUndo.h"

#include "LedgerRepository.h"

namespace upstream::ledger {

void LedgerUndo::recordEdit(const LedgerEntry &before, const LedgerEntry &after)
{
    if (before.id != after.id || before.version == after.version)
        return; // not an edit that wrote anything
    m_undo.push_back({after, before});
    m_redo.clear();
}

QString LedgerUndo::undoText() const
{
    return m_undo.empty() ? QString()
                          : QCoreApplication::translate("LedgerUndo", "Undo the edit of %1 (Ctrl+Z)")
                                .arg(m_undo.back().expected.payer);
}

QString LedgerUndo::redoText() const
{
    return m_redo.empty() ? QString()
                          : QCoreApplication::translate("LedgerUndo", "Redo the edit of %1 (Ctrl+Shift+Z)")
                                .arg(m_redo.back().expected.payer);
}

Result<LedgerEntry> LedgerUndo::undo()
{
    if (m_undo.empty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("LedgerUndo", "There is no edit to undo."));
    return move(m_undo, m_redo);
}

Result<LedgerEntry> LedgerUndo::redo()
{
    if (m_redo.empty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("LedgerUndo", "There is no edit to redo."));
    return move(m_redo, m_undo);
}

void LedgerUndo::clear()
{
    m_undo.clear();
    m_redo.clear();
}

Result<LedgerEntry> LedgerUndo::move(std::vector<Move> &from, std::vector<Move> &to)
{
    const Move step = from.back();
    auto current = m_repository->get(step.expected.id);
    if (!current.ok()) {
        if (current.error().code == ErrorCode::NotFound)
            from.pop_back();
        return current.error();
    }
    for (LedgerField f : kEditableFields)
        if (!fieldEquals(current.value(), step.expected, f)) {
            from.pop_back();
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("LedgerUndo",
                                                         "The entry for %1 was changed since (%2 is now %3); that "
                                                         "step can no longer be undone or redone.")
                                 .arg(current->payer, fieldLabel(f), fieldText(current.value(), f)));
        }
    LedgerEntry edited = current.value(); // on the stored version
    for (LedgerField f : kEditableFields)
        copyField(edited, step.target, f);
    auto saved = m_repository->restore(edited);
    if (!saved.ok()) {
        if (saved.error().code == ErrorCode::Conflict || saved.error().code == ErrorCode::InvalidInput)
            from.pop_back();
        return saved;
    }
    from.pop_back();
    to.push_back({saved.value(), step.expected});
    return saved;
}

} // namespace upstream::ledger
