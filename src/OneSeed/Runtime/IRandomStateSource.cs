namespace OneSeed;

/// <summary>
/// A source of randomness that OneSeed's runtime seeds, captures and restores: register one with
/// <see cref="Seed.Register"/> and <see cref="Seed.Everything(uint)"/> seeds it, <see cref="Seed.Isolate"/> restores
/// it, and <see cref="RngSnapshot"/> saves it.
/// </summary>
/// <remarks>
/// <para>
/// Implementing one for your own library (the built-in ones are the Python and NumPy shared façades,
/// <see cref="Seed.Global"/> and the named streams; OneSeed.TorchSharp adds torch's generators):
/// </para>
/// <code>
/// sealed class MyLibSource : IRandomStateSource
/// {
///     public string Name => "mylib.rng";                       // unique; appears in snapshot files
///     public void Seed(uint rootSeed) =>                       // derive your own seed from the root, documented
///         MyLib.Rng = new Pcg64(new SeedSequence(rootSeed).Derive("mylib.rng"));
///     public string CaptureState() => MyLib.Rng.GetStateJson();
///     public void ValidateState(string state) => _ = Pcg64State.FromJson(state);
///     public void RestoreState(string state) => MyLib.Rng.SetStateJson(state);
/// }
/// Seed.Register(new MyLibSource());   // once, at start-up, before Seed.Everything
/// </code>
/// <para>
/// Contract: <see cref="CaptureState"/> returns a JSON document (an object, array or string; binary state can be
/// Base64 inside it) that includes a version of your own format; <see cref="RestoreState"/> of that text makes the
/// next draws identical to those that followed the capture, in this process or another. A state that is malformed,
/// from another version, or for another source must be refused with an exception (preferably
/// <see cref="FormatException"/>) that leaves the source unchanged. Members are called from whichever thread calls
/// the runtime; synchronize if your source is used concurrently.
/// </para>
/// <para>
/// Reproducibility tier: the contract is <b>stable within a major version</b>; each implementation documents the
/// tier of its own seeding and state format.
/// </para>
/// </remarks>
public interface IRandomStateSource
{
    /// <summary>
    /// A unique, stable name (e.g. <c>mylib.rng</c>), stored in snapshot files; by convention the prefixes <c>oneseed.</c>,
    /// <c>python.</c>, <c>numpy.</c> and <c>torch.</c> belong to OneSeed and its integration packages.
    /// </summary>
    string Name { get; }

    /// <summary>Seeds the source from the run's root seed (called by <see cref="Seed.Everything(uint)"/> and on registration).</summary>
    /// <param name="rootSeed">The root seed; derive this source's own seed from it in a documented, stable way.</param>
    void Seed(uint rootSeed);

    /// <summary>The complete state, as a versioned JSON document.</summary>
    string CaptureState();

    /// <summary>
    /// Throws (changing nothing) if <see cref="RestoreState"/> would refuse <paramref name="state"/>; used to check a whole
    /// snapshot before anything is restored. The default accepts everything and relies on <see cref="RestoreState"/>
    /// refusing bad input (the runtime then rolls back the sources it already restored).
    /// </summary>
    void ValidateState(string state)
    {
    }

    /// <summary>Puts back a state returned by <see cref="CaptureState"/>; refuses bad input without changing anything.</summary>
    void RestoreState(string state);
}
