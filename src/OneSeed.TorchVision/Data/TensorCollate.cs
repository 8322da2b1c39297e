using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using OneSeed.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision;

/// <summary>
/// Collate functions for OneSeed's <see cref="OneSeed.Data.DataLoader{T, TBatch}"/> over TorchSharp tensors, as torch
/// 1.13's <c>torch.utils.data.default_collate</c> builds batches (<c>torch/utils/data/_utils/collate.py</c>).
/// </summary>
/// <remarks>
/// <para>
/// Tensors are stacked along a new first dimension (<c>torch.stack(batch, 0)</c>); numbers become a tensor
/// (<see cref="double"/> → float64 as Python floats, <see cref="int"/>/<see cref="long"/> → int64 as Python ints,
/// <see cref="bool"/> → bool as Python's bool, and <see cref="float"/>, <see cref="byte"/>, <see cref="sbyte"/>,
/// <see cref="short"/> keep their own dtype as NumPy scalars do); strings are returned as the list of them; dictionaries
/// are collated key by key (the first sample's keys); tuples and lists are collated position by position. As in Python,
/// a batch of tuples becomes a list (<c>object[]</c>), not a tuple. The samples are not disposed (see
/// <see cref="TorchDatasetAdapter{T}.CreateLoader{TBatch}"/> for a loader that does).
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (no randomness; tensor values are copied unchanged).</para>
/// </remarks>
public static class TensorCollate
{
    /// <summary><c>torch.stack(samples, 0)</c>: one tensor with the samples along a new first dimension.</summary>
    /// <param name="samples">At least one tensor, all of the same shape.</param>
    /// <returns>A new tensor of shape <c>[samples.Count, ...shape]</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="samples"/> is empty or the shapes differ.</exception>
    public static Tensor Stack(IReadOnlyList<Tensor> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("Cannot collate an empty batch (default_collate reads batch[0]).", nameof(samples));
        }

        TorchSharpNative.EnsureLoaded();
        long[] shape = (samples[0] ?? throw new ArgumentNullException(nameof(samples), "Sample 0 is null.")).shape;
        for (int i = 1; i < samples.Count; i++)
        {
            Tensor sample = samples[i] ?? throw new ArgumentNullException(nameof(samples), string.Create(CultureInfo.InvariantCulture, $"Sample {i} is null."));
            if (!sample.shape.AsSpan().SequenceEqual(shape))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"torch.stack needs equal shapes: sample 0 is [{string.Join(", ", shape)}], sample {i} is [{string.Join(", ", sample.shape)}]."),
                    nameof(samples));
            }
        }

        return stack(samples, 0);
    }

    /// <summary>Stacks pairs (image, target) position by position: <c>default_collate</c> of a batch of 2-tuples of tensors.</summary>
    /// <param name="samples">At least one pair; the first elements share a shape, and so do the second.</param>
    /// <returns>The stacked first elements and the stacked second elements.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> or a tensor in it is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="samples"/> is empty or shapes differ.</exception>
    public static (Tensor First, Tensor Second) Stack(IReadOnlyList<(Tensor First, Tensor Second)> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return (Stack(samples.Select(s => s.First).ToArray()), Stack(samples.Select(s => s.Second).ToArray()));
    }

    /// <summary>Stacks dictionary samples key by key (TorchSharp's <c>Dataset.GetTensor</c> items), keys taken from the first sample.</summary>
    /// <param name="samples">At least one dictionary; every sample has the first one's keys, with tensors of equal shapes per key.</param>
    /// <returns>A new dictionary of stacked tensors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> or a sample is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="samples"/> is empty, a sample lacks a key, or shapes differ.</exception>
    public static Dictionary<string, Tensor> Stack(IReadOnlyList<IReadOnlyDictionary<string, Tensor>> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("Cannot collate an empty batch (default_collate reads batch[0]).", nameof(samples));
        }

        var batch = new Dictionary<string, Tensor>();
        foreach (string key in (samples[0] ?? throw new ArgumentNullException(nameof(samples), "Sample 0 is null.")).Keys)
        {
            batch[key] = Stack(samples.Select((s, i) => (s ?? throw new ArgumentNullException(nameof(samples), string.Create(CultureInfo.InvariantCulture, $"Sample {i} is null.")))
                .TryGetValue(key, out Tensor? t) ? t : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Sample {i} has no key '{key}', which sample 0 has."), nameof(samples))).ToArray());
        }

        return batch;
    }

    /// <summary>
    /// <c>default_collate(samples)</c> for any mix of tensors, numbers, strings, dictionaries, tuples and lists (see the
    /// type's remarks for what each becomes).
    /// </summary>
    /// <param name="samples">At least one sample, all of the same structure.</param>
    /// <returns>A <see cref="Tensor"/>, a <c>List&lt;string&gt;</c>, a <c>Dictionary&lt;object, object&gt;</c> or an <c>object[]</c>, as the samples' type dictates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">The batch is empty, samples differ in structure or size, or an element has a type default_collate refuses (the message names it).</exception>
    public static object Default<T>(IReadOnlyList<T> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("Cannot collate an empty batch (default_collate reads batch[0]).", nameof(samples));
        }

        TorchSharpNative.EnsureLoaded();
        return Collate(samples.Select(s => (object?)s).ToArray());
    }

    private static object Collate(object?[] batch)
    {
        object? first = batch[0];
        switch (first)
        {
            case Tensor:
                return Stack(batch.Select(b => b as Tensor ?? throw Mismatch(b, first)).ToArray());
            case string:
                return batch.Select(b => b as string ?? throw Mismatch(b, first)).ToList();
            case double:
                return tensor(batch.Select(b => b is double d ? d : throw Mismatch(b, first)).ToArray(), ScalarType.Float64);
            case float:
                return tensor(batch.Select(b => b is float f ? f : throw Mismatch(b, first)).ToArray(), ScalarType.Float32);
            case int or long:
                return tensor(batch.Select(b => b switch { int i => i, long l => l, _ => throw Mismatch(b, first) }).ToArray(), ScalarType.Int64);
            case bool:
                return tensor(batch.Select(b => b is bool v ? v : throw Mismatch(b, first)).ToArray(), ScalarType.Bool);
            case byte:
                return tensor(batch.Select(b => b is byte v ? v : throw Mismatch(b, first)).ToArray(), ScalarType.Byte);
            case sbyte:
                return tensor(batch.Select(b => b is sbyte v ? v : throw Mismatch(b, first)).ToArray(), ScalarType.Int8);
            case short:
                return tensor(batch.Select(b => b is short v ? v : throw Mismatch(b, first)).ToArray(), ScalarType.Int16);
            case IDictionary dictionary:
                var collated = new Dictionary<object, object>();
                foreach (object key in dictionary.Keys)
                {
                    collated[key] = Collate(batch.Select((b, i) => b is IDictionary d && d.Contains(key)
                        ? d[key]
                        : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Sample {i} has no key '{key}', which sample 0 has."))).ToArray());
                }

                return collated;
            case ITuple or IList:
                object?[][] rows = batch.Select(Items).ToArray();
                int size = rows[0].Length;
                if (rows.Any(r => r.Length != size))
                {
                    throw new ArgumentException("each element in list of batch should be of equal size (default_collate's check).");
                }

                return Enumerable.Range(0, size).Select(p => Collate(rows.Select(r => r[p]).ToArray())).ToArray();
            default:
                throw new ArgumentException($"default_collate: batch must contain tensors, numbers, strings, dicts, tuples or lists; found {first?.GetType().ToString() ?? "null"}.");
        }
    }

    private static object?[] Items(object? value) => value switch
    {
        ITuple tuple => Enumerable.Range(0, tuple.Length).Select(i => tuple[i]).ToArray(),
        IList list => list.Cast<object?>().ToArray(),
        _ => throw new ArgumentException($"default_collate: samples differ in structure: found {value?.GetType().ToString() ?? "null"} where sample 0 is a tuple or list."),
    };

    private static ArgumentException Mismatch(object? value, object? first) =>
        new($"default_collate: samples differ in type: found {value?.GetType().ToString() ?? "null"} where sample 0 is {first?.GetType()}.");
}
