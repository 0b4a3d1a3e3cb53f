#pragma once
// A std::allocator replacement for large, randomly accessed arrays (the aggregator's rows and hash index).
// Blocks of 2 MiB and more are 2 MiB-aligned and, on Linux, marked MADV_HUGEPAGE: with transparent huge pages in
// "madvise" mode (Debian's default) a 48 MB table then needs ~24 TLB entries instead of ~12,000, which is most of
// the cost of a hash probe into it. Smaller blocks, and other systems, get plain operator new.
#include <cstddef>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace upstream::core {

template<typename T>
struct HugePageAllocator {
    using value_type = T;
    static constexpr std::size_t kHugePage = std::size_t(2) << 20;

    HugePageAllocator() noexcept = default;
    template<typename U>
    HugePageAllocator(const HugePageAllocator<U> &) noexcept
    {
    }

    T *allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHugePage)
            return static_cast<T *>(::operator new(bytes, std::align_val_t(alignof(T))));
        const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
        void *p = ::operator new(rounded, std::align_val_t(kHugePage));
#if defined(__linux__)
        ::madvise(p, rounded, MADV_HUGEPAGE); // advice only: failure leaves ordinary pages
#endif
        return static_cast<T *>(p);
    }

    void deallocate(T *p, std::size_t n) noexcept
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHugePage)
            ::operator delete(p, std::align_val_t(alignof(T)));
        else
            ::operator delete(p, std::align_val_t(kHugePage));
    }

    template<typename U>
    bool operator==(const HugePageAllocator<U> &) const noexcept
    {
        return true;
    }
};

} // namespace upstream::core
