// Compiled only by the tst_core_cannot_include_widgets test, which expects this to FAIL: upstream_core must not
// make QtWidgets available to anything under models/.
#include <QWidget>

int layeringProbe()
{
    return sizeof(QWidget);
}
