using OneSeed.Distributions;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Distributions;

/// <summary>
/// Which functions <see cref="GlibcVectorMath"/> runs on: on this project's machine kind (glibc 2.36, AVX2 and FMA) the
/// transcriptions must be in use, so that a change that breaks their self-check cannot pass as a silent fallback.
/// </summary>
public sealed class GlibcVectorMathTests
{
    [Fact]
    public void The_transcriptions_serve_on_the_glibc_whose_machine_code_they_follow()
    {
        if (!GlibcExactLogSinCos.IsSupported || GlibcVersion.Current != "2.36")
        {
            return; // another libc, glibc or CPU: the self-checks decide, and the certified path serves otherwise
        }

        Assert.True(GlibcLogFma.IsSupported, "glibc 2.36 with AVX2 and FMA: __log_data must be found and GlibcLogFma's self-check pass");
        Assert.True(GlibcSinCosFma.IsSupported, "glibc 2.36 with AVX2 and FMA: __sincostab must be found and GlibcSinCosFma's self-check pass");
        Assert.True(GlibcExpFma.IsSupported, "glibc 2.36 with AVX2 and FMA: __exp_data must be found and GlibcExpFma's self-check pass");
        Assert.True(GlibcPowFma.IsSupported, "glibc 2.36 with AVX2 and FMA: __pow_log_data must be found and GlibcPowFma's self-check pass");
    }
}
