#pragma once
// A FIFO whose elements never move (the machine's units hold pointers to
// commands in the ZSS window) and that allocates in blocks of 1024 elements,
// recycling emptied blocks: std::deque allocates every few hundred bytes.
#include <cstddef>
#include <memory>
#include <vector>

namespace vgm::program {

template <class T>
class StableQueue {
public:
    bool empty() const { return size_ == 0; }
    size_t size() const { return size_; }
    T& operator[](size_t i) { return at(head_ + i); }
    const T& operator[](size_t i) const { return const_cast<StableQueue*>(this)->at(head_ + i); }
    T& front() { return at(head_); }
    T& at(size_t i) { return blocks_[i >> kShift][i & kMask]; }  // i counts from the first block

    void push_back(T&& v) { slot() = std::move(v); }
    // Appends an element and returns it for the caller to overwrite: it may
    // still hold a popped element's contents (released when overwritten).
    T& slot() {
        const size_t pos = head_ + size_;
        if ((pos >> kShift) >= blocks_.size()) {
            if (!spare_.empty()) blocks_.push_back(std::move(spare_.back())), spare_.pop_back();
            else blocks_.push_back(std::make_unique<T[]>(kBlock));
        }
        ++size_;
        return at(pos);
    }
    void pop_front() {  // what the element owns is released when its slot is reused or its block freed
        ++head_;
        --size_;
        if (head_ == kBlock) {  // the first block is used up: keep it for reuse (the window's size swings)
            spare_.push_back(std::move(blocks_.front()));
            blocks_.erase(blocks_.begin());
            head_ = 0;
        }
    }

private:
    static constexpr size_t kShift = 10, kBlock = size_t(1) << kShift, kMask = kBlock - 1;
    std::vector<std::unique_ptr<T[]>> blocks_;
    std::vector<std::unique_ptr<T[]>> spare_;  // used-up blocks, at most the window's peak
    size_t head_ = 0, size_ = 0;
};

}  // namespace vgm::program
