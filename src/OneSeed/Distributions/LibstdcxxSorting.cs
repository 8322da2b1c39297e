namespace OneSeed.Distributions;

/// <summary>
/// The orders in which a C++ program compiled against GCC 12's libstdc++ leaves equal elements:
/// <c>std::partial_sort</c>, <c>std::nth_element</c> and <c>std::sort</c> (<c>bits/stl_algo.h</c>, <c>bits/stl_heap.h</c>),
/// transcribed step for step (introsort and introselect with median-of-three pivots and a depth limit of
/// 2⌊log2 n⌋, heap selection, insertion sort below 16 elements). None of them is stable, so reproducing a program
/// that sorts records with ties (torch's <c>topk</c>) needs their exact sequence of comparisons and moves.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TOrder">The strict weak order, the <c>__comp</c> of the C++ call.</typeparam>
internal static class LibstdcxxSorting<T, TOrder>
    where TOrder : struct, IStrictWeakOrder<T>
{
    private const int Threshold = 16; // _S_threshold

    /// <summary><c>std::partial_sort(first, first + middle, last, comp)</c>.</summary>
    public static void PartialSort(Span<T> values, int middle)
    {
        HeapSelect(values, middle, values.Length);
        SortHeap(values[..middle]);
    }

    /// <summary><c>std::nth_element(first, first + nth, last, comp)</c>.</summary>
    public static void NthElement(Span<T> values, int nth)
    {
        if (values.Length == 0 || nth == values.Length)
        {
            return;
        }

        int first = 0;
        int last = values.Length;
        int depthLimit = 2 * Lg(values.Length);
        while (last - first > 3)
        {
            if (depthLimit == 0)
            {
                HeapSelect(values[first..last], nth - first + 1, last - first);
                (values[first], values[nth]) = (values[nth], values[first]);
                return;
            }

            depthLimit--;
            int cut = first + UnguardedPartitionPivot(values[first..last]);
            if (cut <= nth)
            {
                first = cut;
            }
            else
            {
                last = cut;
            }
        }

        InsertionSort(values[first..last]);
    }

    /// <summary><c>std::sort(first, last, comp)</c>.</summary>
    public static void Sort(Span<T> values)
    {
        if (values.Length == 0)
        {
            return;
        }

        IntrosortLoop(values, 2 * Lg(values.Length));
        FinalInsertionSort(values);
    }

    private static bool Less(in T a, in T b) => default(TOrder).Less(a, b);

    private static int Lg(int n) => System.Numerics.BitOperations.Log2((uint)n);

    private static void IntrosortLoop(Span<T> values, int depthLimit)
    {
        int last = values.Length;
        while (last > Threshold)
        {
            if (depthLimit == 0)
            {
                // __partial_sort(first, last, last): a heap sort of what is left.
                PartialSort(values[..last], last);
                return;
            }

            depthLimit--;
            int cut = UnguardedPartitionPivot(values[..last]);
            IntrosortLoop(values[cut..last], depthLimit);
            last = cut;
        }
    }

    private static void FinalInsertionSort(Span<T> values)
    {
        if (values.Length > Threshold)
        {
            InsertionSort(values[..Threshold]);
            for (int i = Threshold; i < values.Length; i++)
            {
                UnguardedLinearInsert(values, i);
            }
        }
        else
        {
            InsertionSort(values);
        }
    }

    private static void InsertionSort(Span<T> values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (Less(values[i], values[0]))
            {
                T value = values[i];
                values[..i].CopyTo(values[1..]);
                values[0] = value;
            }
            else
            {
                UnguardedLinearInsert(values, i);
            }
        }
    }

    private static void UnguardedLinearInsert(Span<T> values, int last)
    {
        T value = values[last];
        int next = last - 1;
        while (Less(value, values[next]))
        {
            values[last] = values[next];
            last = next;
            next--;
        }

        values[last] = value;
    }

    // __unguarded_partition_pivot: the median of values[1], values[mid], values[^1] moved to the front, then a
    // Hoare partition of [1, n) around it. Returns the cut.
    private static int UnguardedPartitionPivot(Span<T> values)
    {
        int mid = values.Length / 2;
        MoveMedianToFirst(values, 0, 1, mid, values.Length - 1);
        int first = 1;
        int last = values.Length;
        while (true)
        {
            while (Less(values[first], values[0]))
            {
                first++;
            }

            last--;
            while (Less(values[0], values[last]))
            {
                last--;
            }

            if (!(first < last))
            {
                return first;
            }

            (values[first], values[last]) = (values[last], values[first]);
            first++;
        }
    }

    private static void MoveMedianToFirst(Span<T> values, int result, int a, int b, int c)
    {
        int median;
        if (Less(values[a], values[b]))
        {
            median = Less(values[b], values[c]) ? b : Less(values[a], values[c]) ? c : a;
        }
        else
        {
            median = Less(values[a], values[c]) ? a : Less(values[b], values[c]) ? c : b;
        }

        (values[result], values[median]) = (values[median], values[result]);
    }

    // __heap_select(first, first + middle, first + last): a max-heap (under the order) of the first `middle`
    // elements, then every later element that orders before the top replaces it.
    private static void HeapSelect(Span<T> values, int middle, int last)
    {
        Span<T> heap = values[..middle];
        MakeHeap(heap);
        for (int i = middle; i < last; i++)
        {
            if (Less(values[i], values[0]))
            {
                PopHeap(heap, ref values[i]);
            }
        }
    }

    private static void SortHeap(Span<T> heap)
    {
        for (int last = heap.Length; last > 1;)
        {
            last--;
            PopHeap(heap[..last], ref heap[last]);
        }
    }

    // __pop_heap(first, last, result): *result goes into the heap, the old top into *result.
    private static void PopHeap(Span<T> heap, ref T result)
    {
        T value = result;
        result = heap[0];
        AdjustHeap(heap, 0, value);
    }

    private static void MakeHeap(Span<T> heap)
    {
        int len = heap.Length;
        if (len < 2)
        {
            return;
        }

        for (int parent = (len - 2) / 2; ; parent--)
        {
            AdjustHeap(heap, parent, heap[parent]);
            if (parent == 0)
            {
                return;
            }
        }
    }

    private static void AdjustHeap(Span<T> heap, int holeIndex, T value)
    {
        int len = heap.Length;
        int topIndex = holeIndex;
        int secondChild = holeIndex;
        while (secondChild < (len - 1) / 2)
        {
            secondChild = 2 * (secondChild + 1);
            if (Less(heap[secondChild], heap[secondChild - 1]))
            {
                secondChild--;
            }

            heap[holeIndex] = heap[secondChild];
            holeIndex = secondChild;
        }

        if ((len & 1) == 0 && secondChild == (len - 2) / 2)
        {
            secondChild = 2 * (secondChild + 1);
            heap[holeIndex] = heap[secondChild - 1];
            holeIndex = secondChild - 1;
        }

        // __push_heap(first, holeIndex, topIndex, value)
        int parent = (holeIndex - 1) / 2;
        while (holeIndex > topIndex && Less(heap[parent], value))
        {
            heap[holeIndex] = heap[parent];
            holeIndex = parent;
            parent = (holeIndex - 1) / 2;
        }

        heap[holeIndex] = value;
    }
}

/// <summary>A strict weak order for <see cref="LibstdcxxSorting{T, TOrder}"/>: <c>comp(a, b)</c>, "a goes before b".</summary>
internal interface IStrictWeakOrder<T>
{
    bool Less(in T a, in T b);
}
