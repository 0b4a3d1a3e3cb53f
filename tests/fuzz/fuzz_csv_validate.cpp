// libFuzzer target over the CSV reader and the claim validator. Build with clang and -DUPSTREAM_FUZZ=ON (see
// tests/CMakeLists.txt), run e.g.: fuzz_csv_validate -max_total_time=600 -max_len=65536 corpus-copy/ \
//   tests/fuzz/corpus
#include "FuzzCsvValidate.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (!upstream::fuzz::csvValidateOne(data, size))
        std::abort(); // an invariant broke: libFuzzer saves the input
    return 0;
}
