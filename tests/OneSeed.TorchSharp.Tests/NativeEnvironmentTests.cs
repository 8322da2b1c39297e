namespace OneSeed.TorchSharp.Tests;

public class NativeEnvironmentTests
{
    [Fact]
    public void Managed_SetEnvironmentVariable_does_not_reach_getenv_but_SetVariable_does()
    {
        string name = "ONESEED_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "managed");
        Assert.Null(NativeEnvironment.GetVariable(name)); // the fact DESIGN.md records

        NativeEnvironment.SetVariable(name, "native value ü");
        Assert.Equal("native value ü", NativeEnvironment.GetVariable(name));
        Assert.Equal("native value ü", Environment.GetEnvironmentVariable(name));
    }

    [Fact]
    public void Bad_names_are_refused()
    {
        Assert.Throws<ArgumentException>(() => NativeEnvironment.SetVariable("", "x"));
        Assert.Throws<ArgumentException>(() => NativeEnvironment.SetVariable("A=B", "x"));
        Assert.Throws<ArgumentNullException>(() => NativeEnvironment.SetVariable(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => NativeEnvironment.SetVariable("A", null!));
        Assert.Throws<ArgumentException>(() => NativeEnvironment.SetVariable("A", "x\0y"));
    }
}
