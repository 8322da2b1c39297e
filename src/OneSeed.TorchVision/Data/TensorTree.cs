using System.Collections;
using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Data;

/// <summary>The tensors inside a sample or batch: the value itself, or those in its dictionaries, tuples and lists, recursively.</summary>
internal static class TensorTree
{
    public static List<Tensor> Collect(object? value)
    {
        var found = new List<Tensor>();
        Walk(value, found);
        return found;
    }

    private static void Walk(object? value, List<Tensor> found)
    {
        switch (value)
        {
            case null or string:
                return;
            case Tensor t:
                found.Add(t);
                return;
            case IDictionary dictionary:
                foreach (object? item in dictionary.Values)
                {
                    Walk(item, found);
                }

                return;
            case ITuple tuple:
                for (int i = 0; i < tuple.Length; i++)
                {
                    Walk(tuple[i], found);
                }

                return;
            case IEnumerable items:
                foreach (object? item in items)
                {
                    Walk(item, found);
                }

                return;
        }
    }
}
