// Anchor for the compiled translations resource (upstream_es.qm under :/i18n).
#include <QtGlobal>

namespace upstream::i18n {
int translationsAnchor()
{
    return 0;
}
} // namespace upstream::i18n
