// A small TorchSharp CNN trained on images made here, with OneSeed's loader (workers, shuffling) and a Compose of
// OneSeed.TorchVision's seeded transforms. In one run it shows three things:
//   1. 0 workers and 3 workers give the identical weight digest;
//   2. a run stopped half-way through the first epoch and resumed from its saved state (loader state, weights)
//      gives that digest too;
//   3. the same training with TorchSharp's own RandomResizedCrop (an unseeded System.Random inside) gives a different
//      digest on each of two runs.
// Usage: dotnet run --project samples/ImageAugmentation -c Release [-- --seed N]
using System.Globalization;
using System.Security.Cryptography;
using ImageAugmentation;
using OneSeed;
using OneSeed.Data;
using OneSeed.TorchSharp;
using OneSeed.TorchVision;
using TorchSharp;
using static TorchSharp.torch;

uint seed = args.Length == 2 && args[0] == "--seed" ? uint.Parse(args[1], CultureInfo.InvariantCulture) : 7;
const int Images = 256, Epochs = 2, Batch = 32;

TorchSharpNative.EnsureLoaded();
// One thread: the reduction order of the convolutions' gradients cannot then depend on the thread count.
set_num_threads(1);
OneSeedTorchSharp.Register();

torchvision.ITransform Seeded() => torchvision.transforms.Compose(
    new OneSeed.TorchVision.RandomResizedCrop(32, scale: (0.5, 0.75)),
    new RandomHorizontalFlip(),
    new ColorJitter(0.3, 0.3, 0.3));

#pragma warning disable ONESEED007 // the sample shows on purpose that TorchSharp's own transform ignores every seed
// Scale below 0.8, so that no crop of the 40-pixel images is already 32 pixels: TorchSharp 0.107's ResizedCrop disposes
// its crop and returns it when the resize has nothing to do ("Tensor invalid -- empty handle").
torchvision.ITransform TorchSharps() => torchvision.transforms.RandomResizedCrop(32, 0.5, 0.75);
#pragma warning restore ONESEED007

Console.WriteLine($"OneSeed.TorchVision: {Images} images, {Epochs} epochs, batch {Batch}, seed {seed}");
string zero = Train(Seeded(), workers: 0, stopAfter: null, resumeFrom: null);
Console.WriteLine($"  seeded transforms, 0 workers:                 {zero}");
string three = Train(Seeded(), workers: 3, stopAfter: null, resumeFrom: null);
Console.WriteLine($"  seeded transforms, 3 workers:                 {three}");
string saved = Path.Combine(Path.GetTempPath(), "oneseed-image-augmentation-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(saved);
try
{
    _ = Train(Seeded(), workers: 2, stopAfter: Images / Batch / 2, resumeFrom: null, saveTo: saved);
    string resumed = Train(Seeded(), workers: 1, stopAfter: null, resumeFrom: saved);
    Console.WriteLine($"  seeded, stopped half-way and resumed:         {resumed}");
    string first = Train(TorchSharps(), workers: 0, stopAfter: null, resumeFrom: null);
    string second = Train(TorchSharps(), workers: 0, stopAfter: null, resumeFrom: null);
    Console.WriteLine($"  TorchSharp's own transforms, run 1:           {first}");
    Console.WriteLine($"  TorchSharp's own transforms, run 2:           {second}");

    bool ok = zero == three && zero == resumed && first != second;
    Console.WriteLine(ok
        ? "OK: 0 and 3 workers and the resumed run agree bit for bit; TorchSharp's own transforms do not repeat."
        : "UNEXPECTED: see the digests above.");
    return ok ? 0 : 1;
}
finally
{
    Directory.Delete(saved, recursive: true);
}

// Trains from the seed (or from a saved state) and returns the SHA-256 of the final weights; with stopAfter, stops
// after that many batches of the first epoch and saves the loader's state and the weights to saveTo.
string Train(torchvision.ITransform transform, int workers, int? stopAfter, string? resumeFrom, string? saveTo = null)
{
    // The .NET form of torch.manual_seed(seed) and friends: the CNN's initial weights come from TorchSharp's generator.
    Seed.Everything(seed);
    using var model = new SmallCnn();
    var adapter = new TorchDatasetAdapter<Dictionary<string, Tensor>>(new Stripes(Images, transform));
    using var loader = adapter.CreateLoader(TensorCollate.Stack, new DataLoaderOptions
    {
        Seed = seed, Shuffle = true, BatchSize = Batch, Workers = workers,
    });
    if (resumeFrom is not null)
    {
        model.Load(Path.Combine(resumeFrom, "weights.bin"));
        loader.LoadState(DataLoaderState.FromJson(File.ReadAllText(Path.Combine(resumeFrom, "loader.json"))));
    }

    while (loader.Epoch < Epochs)
    {
        int step = loader.GetState().BatchesDelivered;
        foreach (Dictionary<string, Tensor> batch in loader)
        {
            using (batch["image"])
            using (batch["label"])
            {
                model.Step(batch["image"], batch["label"]);
            }

            if (++step == stopAfter && saveTo is not null)
            {
                model.Save(Path.Combine(saveTo, "weights.bin"));
                File.WriteAllText(Path.Combine(saveTo, "loader.json"), loader.GetState().ToJson());
                return "(stopped)";
            }
        }
    }

    return Convert.ToHexString(SHA256.HashData(model.WeightBytes()))[..16];
}
