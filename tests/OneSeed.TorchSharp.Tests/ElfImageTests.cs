using OneSeed.TorchSharp.Native;

namespace OneSeed.TorchSharp.Tests;

public class ElfImageTests
{
    private static IEnumerable<string> Libraries()
    {
        string native = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        yield return Path.Combine(native, "libLibTorchSharp.so");
        yield return Path.Combine(native, "libc10.so");
        yield return Path.Combine(native, "libshm.so");
        yield return NativeLoaderTests.LoadedLibStdCxx;
    }

    /// <remarks>Reading also checks every entry's vna_hash against the System V hash of its name.</remarks>
    [Fact]
    public void Version_needs_equal_readelfs()
    {
        foreach (string library in Libraries())
        {
            var expected = Readelf.VersionNeeds(library);
            IReadOnlyList<ElfVersionNeed> actual = ElfImage.ReadVersionNeeds(File.ReadAllBytes(library));
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].File, actual[i].File);
                Assert.Equal(expected[i].Name, actual[i].Name);
                Assert.Equal(expected[i].Flags == "none" ? 0 : -1, actual[i].Flags == 0 ? 0 : -1);
                Assert.Equal(expected[i].EntryOffset + 4, actual[i].FlagsOffset);
            }
        }
    }

    [Fact]
    public void Needed_libraries_equal_readelfs()
    {
        foreach (string library in Libraries())
        {
            Assert.Equal(Readelf.Needed(library), ElfImage.ReadNeededLibraries(File.ReadAllBytes(library)));
        }
    }

    [Fact]
    public void Malformed_images_are_refused_with_FormatException()
    {
        byte[] image = File.ReadAllBytes(Libraries().First());
        Assert.Throws<FormatException>(() => ElfImage.ReadVersionNeeds("MZ not an ELF file at all, long enough to pass the length check......"u8));
        Assert.Throws<FormatException>(() => ElfImage.ReadVersionNeeds(image.AsSpan(0, 4096)));

        byte[] elf32 = (byte[])image.Clone();
        elf32[4] = 1;
        Assert.Throws<FormatException>(() => ElfImage.ReadVersionNeeds(elf32));

        // A Vernaux hash that does not match its name: a parser that trusted the bytes would patch a wrong entry.
        ElfVersionNeed need = ElfImage.ReadVersionNeeds(image).First(n => n.Name == "GLIBCXX_3.4.32");
        byte[] badHash = (byte[])image.Clone();
        badHash[need.FlagsOffset - 4] ^= 1;
        Assert.Throws<FormatException>(() => ElfImage.WithWeakVersionNeed(badHash, "GLIBCXX_3.4.32"));
    }
}
