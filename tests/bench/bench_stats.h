// Repeated timing with median and min–max: the machines are small and noisy, so a figure is never
// one run, and comparisons are ratios measured in the same run.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace tousu::bench {

struct Stats {
    double median = 0, min = 0, max = 0;
    std::vector<double> samples; // every run's ms, sorted: for pooling runs made in separate processes
};

template <class F> Stats measure(int runs, F&& body) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        body();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front(), ms.back(), ms};
}

inline void report(const char* name, const Stats& s, double baselineMedian) {
    std::printf("| %-40s | %10.4f | %10.4f – %-10.4f | %6.2fx |\n", name, s.median, s.min, s.max,
                baselineMedian > 0 ? s.median / baselineMedian : 1.0);
}

} // namespace tousu::bench
