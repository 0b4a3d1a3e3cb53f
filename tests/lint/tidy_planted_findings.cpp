// Positive control for scripts/check-tidy.sh (tst_clang_tidy_catches_planted_finding): the same run that keeps the
// product clean must report these planted findings of kept checks, as errors. The OBJECT target that lists this file
// is never built; it exists so the file has a compile command with the product's flags.
#include "control/binary-dir/ci/models/upstream_domain_autogen/include/PlantedMoc.h"
#include "control/binary-dir/ci/views/upstream_gui_autogen/include/ui_PlantedForm.h"
#include "control/models/domain/planted/PlantedHeader.h"

#include <string>
#include <utility>

std::size_t plantedUseAfterMove()
{
    std::string text(40, 'x');
    std::string moved = std::move(text);
    return moved.size() + text.size(); // planted: bugprone-use-after-move
}
