/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cb_count.c - count one byte value in a buffer, fast
 *
 * wc -l spends all its time here.  x86-64 uses AVX2 when the CPU has it
 * (32 bytes per step, byte counters summed every 255 steps), SSE2
 * otherwise; other machines count eight bytes at a time in a word.
 */
#include "capbox.h"

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2"))) static size_t
count_avx2(const unsigned char *p, size_t n, unsigned char c)
{
	const __m256i needle = _mm256_set1_epi8((char)c);
	const __m256i zero = _mm256_setzero_si256();
	__m256i total = zero;
	size_t i = 0, k, count = 0;

	while (n - i >= 32) {
		__m256i acc = zero;

		for (k = 0; k < 255 && n - i >= 32; k++, i += 32) {
			__m256i v = _mm256_loadu_si256((const __m256i *)(p + i));

			/* A match is -1: subtracting it counts up. */
			acc = _mm256_sub_epi8(acc, _mm256_cmpeq_epi8(v, needle));
		}
		total = _mm256_add_epi64(total, _mm256_sad_epu8(acc, zero));
	}
	count = (size_t)_mm256_extract_epi64(total, 0) +
	    (size_t)_mm256_extract_epi64(total, 1) +
	    (size_t)_mm256_extract_epi64(total, 2) +
	    (size_t)_mm256_extract_epi64(total, 3);
	for (; i < n; i++)
		count += p[i] == c;
	return (count);
}

static size_t
count_sse2(const unsigned char *p, size_t n, unsigned char c)
{
	const __m128i needle = _mm_set1_epi8((char)c);
	size_t i = 0, count = 0;

	for (; n - i >= 16; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(p + i));

		count += (size_t)__builtin_popcount((unsigned int)
		    _mm_movemask_epi8(_mm_cmpeq_epi8(v, needle)));
	}
	for (; i < n; i++)
		count += p[i] == c;
	return (count);
}

size_t
cb_count_byte(const void *buf, size_t n, int c)
{
	static int avx2 = -1;

	if (avx2 < 0) {
		__builtin_cpu_init();
		avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
	}
	return (avx2 ? count_avx2(buf, n, (unsigned char)c) :
	    count_sse2(buf, n, (unsigned char)c));
}
#else
size_t
cb_count_byte(const void *buf, size_t n, int c)
{
	const unsigned char *p = buf;
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		count += p[i] == (unsigned char)c;
	return (count);
}
#endif
