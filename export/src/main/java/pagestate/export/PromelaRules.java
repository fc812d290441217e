package pagestate.export;

import java.util.List;
import pagestate.model.cpu.Cause;
import pagestate.model.cpu.Content;
import pagestate.model.cpu.HvPage;
import pagestate.model.cpu.Options;
import pagestate.model.cpu.Platform;

/**
 * The constants and the rules of the cpu model as Promela: one inline per access rule and per primitive,
 * each with a comment naming the rule and its source. They are written by hand from the model's rules
 * (docs/model.md sections 2, 4 and 5), not generated from the model's code, so that SPIN checks an
 * independent transcription.
 */
final class PromelaRules {

    private final Platform platform;
    private final Options options;
    private final boolean lazyAlias;

    PromelaRules(Platform platform, Options options, boolean lazyAlias) {
        this.platform = platform;
        this.options = options;
        this.lazyAlias = lazyAlias;
    }

    void constants(StringBuilder out) {
        out.append("""
                /* ---- values (each as the model names it) */
                #define PRIVATE 0          /* attribute of a translation, and key of a cache line */
                #define SHARED  1
                #define NOATTR  2          /* no translation: #PF */
                #define T_NONE  0          /* a TLB entry: none, or the attribute it caches + 1 */
                #define L_NONE  0          /* a cache line of one key */
                #define L_CLEAN 1
                #define L_DIRTY 2
                #define KERNEL  0          /* who accesses: an ordinary kernel access ... */
                #define ZEROPAD 1          /* ... or the second page of load_unaligned_zeropad() */
                #define S_RUNNING 0        /* a converter's status */
                #define S_DONE    1
                #define S_LEAKED  2
                #define S_FREED   3
                #define S_CLEANING 4       /* running the always steps after a failed hypercall */
                #define K_OK 0             /* outcome classes, ordered: a worse outcome wins */
                #define K_RECOVERED 1
                #define K_RULE 2
                #define K_SECURITY 3
                #define K_FATAL 4
                """);
        for (Content c : Content.values()) define(out, "CT_" + c.name(), c.ordinal(), null);
        HvPage[] hv = HvPage.of(platform);
        for (int i = 0; i < hv.length; i++) define(out, "HV_" + hv[i].name(), i, hv[i].label());
        for (Cause c : Cause.values()) define(out, "C_" + c.name(), c.ordinal(), null);
        out.append("#define KIND(x) (").append(kindExpression()).append(")\n");
        StringBuilder coco = new StringBuilder();
        for (Cause c : Cause.values()) {
            if (c.isCocoException()) coco.append(coco.length() == 0 ? "" : " | ").append("(1 << C_").append(c.name()).append(")");
        }
        out.append("#define COCO_EVENTS (").append(coco).append(")   /* a #VE or #VC was raised */\n");
        out.append("#define HV_IS_SHARED(h) (").append(anyOf("h", hv, true, false)).append(")\n");
        out.append("#define HV_USABLE_PRIVATE(h) (").append(anyOf("h", hv, false, true)).append(")\n");
        out.append("#define HV_KEY(h) (HV_IS_SHARED(h) -> SHARED : PRIVATE)\n");
        out.append("#define CONSISTENT(a, h) ((a) == PRIVATE -> HV_USABLE_PRIVATE(h) : HV_IS_SHARED(h))\n");
        out.append("\n/* ---- the platform's options, as the spec sets them */\n");
        define(out, "VE_ZEROPAD_FIXUP", options.veZeropadFixup() ? 1 : 0, null);
        define(out, "VMM_FLUSH_ON_MAP_PRIVATE", options.vmmFlushOnMapPrivate() ? 1 : 0, null);
        define(out, "HOST_IMPLICIT_CONVERSION", options.hostImplicitConversion() ? 1 : 0, null);
        // caches coherent across keys: SNP with SME_COHERENT, vTOM (ivm.c: no cache flush needed); TDX never
        int coherent = switch (platform) {
            case TDX -> 0;
            case SNP -> options.smeCoherent() ? 1 : 0;
            case VTOM -> 1;
        };
        define(out, "COHERENT", coherent, "lines of both keys are coherent");
        String wbinvd = switch (platform) {
            // TDX: WBINVD in a TD is #VE, which virt_exception_kernel() does not handle (9a22bf6debbf)
            case TDX -> "C_VE_WBINVD";
            // SNP: the intercept is a #VC; the handler asks the hypervisor (core.c vc_handle_wbinvd())
            case SNP -> "C_VC_WBINVD";
            // vTOM: the paravisor handles the intercept; the guest sees nothing (unconfirmed)
            case VTOM -> "C_OK";
        };
        out.append("#define WBINVD_OUTCOME ").append(wbinvd).append("   /* what WBINVD raises on this platform */\n");
        String mismatch = platform == Platform.TDX ? "CT_" + options.writebackMismatch().name() : "CT_GARBAGE";
        out.append("#define MISMATCH ").append(mismatch)
                .append("   /* what a write-back of a dirty line with the wrong key leaves */\n");
    }

    private static void define(StringBuilder out, String name, int value, String comment) {
        out.append("#define ").append(name).append(' ').append(value);
        if (comment != null) out.append("   /* ").append(comment).append(" */");
        out.append('\n');
    }

    private static String anyOf(String var, HvPage[] states, boolean shared, boolean usablePrivate) {
        StringBuilder b = new StringBuilder();
        for (HvPage h : states) {
            if ((shared && h.isShared()) || (usablePrivate && h.isUsablePrivate())) {
                b.append(b.length() == 0 ? "" : " || ").append("(").append(var).append(") == HV_").append(h.name());
            }
        }
        return b.length() == 0 ? "false" : b.toString();
    }

    private static String kindExpression() {
        String expr = "K_OK";
        for (Cause.Kind k : List.of(Cause.Kind.RECOVERED, Cause.Kind.RULE, Cause.Kind.SECURITY, Cause.Kind.FATAL)) {
            StringBuilder any = new StringBuilder();
            for (Cause c : Cause.values()) {
                if (c.kind() == k) any.append(any.length() == 0 ? "" : " || ").append("(x) == C_").append(c.name());
            }
            expr = "(" + any + ") -> K_" + k.name() + " : (" + expr + ")";
        }
        return expr;
    }

    /** The inlines: translation, the platform's verdict, reads, writes, write-back, and each primitive. */
    void inlines(StringBuilder out) {
        out.append("""

                /* ---- what happened on this path (sticky), and the fatal outcome that ends the guest */
                inline happen(x) {
                  events = events | (1 << (x));
                  if
                  :: KIND(x) == K_FATAL && crash == 0 -> crash = (x) + 1
                  :: else -> skip
                  fi
                }

                inline worse(x) {   /* c = the worse of c and x */
                  if
                  :: KIND(x) > KIND(c) -> c = x
                  :: else -> skip
                  fi
                }

                /* Translation: a TLB entry is used as it is, whatever the PTE says now (SDM Vol. 3A 4.10.2.3);
                   else a present PTE is walked and cached; a non-present PTE gives #PF and caches nothing
                   (SDM Vol. 3A 4.10.4.3). The lazy alias has no PTE. Sets attr. */
                inline translate(cpu, m, page) {
                  if
                  :: tlb[TLB(cpu, m, page)] != T_NONE -> attr = tlb[TLB(cpu, m, page)] - 1
                  :: else ->
                     if
                     :: HAS_PTE(m) && (pte[PTE(m, page)] & 2) ->
                        attr = pte[PTE(m, page)] & 1; tlb[TLB(cpu, m, page)] = attr + 1
                     :: else -> attr = NOATTR
                     fi
                  fi
                }

                /* A read through a translation fills a clean line with its key. */
                inline fill(page, key) {
                  if
                  :: lines[LINE(page, key)] == L_NONE -> lines[LINE(page, key)] = L_CLEAN
                  :: else -> skip
                  fi
                }

                /* Write-back and drop of the lines of one key; a dirty line whose key no longer matches the
                   page corrupts it on non-coherent caches (TDX poison, SNP garbage). */
                inline writeback(page, key) {
                  if
                  :: lines[LINE(page, key)] == L_DIRTY && key != HV_KEY(hv[page]) && !COHERENT -> cont[page] = MISMATCH
                  :: else -> skip
                  fi;
                  lines[LINE(page, key)] = L_NONE
                }
                """);
        PromelaPlatform.access(out, platform);
        out.append("""

                /* The platform's verdict on an access through a translation with attribute attr. Sets r. */
                inline verdict(who, page) {
                  access(who, page)""");
        if (options.hostImplicitConversion()) {
            out.append("""
                    ;
                      /* host_implicit_conversion: on an RMP nested page fault the host converts the page to what
                         the access wanted and the access is retried once */
                      if
                      :: r == C_NPF_RMP_SHARED || r == C_NPF_RMP_PRIVATE ->
                         happen(C_IMPLICIT_CONVERSION);
                         hv[page] = (r == C_NPF_RMP_SHARED -> HV_SNP_HV_OWNED : HV_SNP_UNVALIDATED);
                         cont[page] = CT_GARBAGE;
                         access(who, page)
                      :: else -> skip
                      fi""");
        }
        out.append("""

                }

                /* A read through mapping m (the platform sees only the attribute and the page). The zeropad's
                   #PF on its second page is fixed up (arch/x86/mm/extable.c ex_handler_zeropad); a private read
                   of a poisoned line is #MC. Sets r. */
                inline read(cpu, m, page, who) {
                  translate(cpu, m, page);
                  if
                  :: attr == NOATTR -> r = (who == ZEROPAD -> C_PF_FIXUP : C_PF_OOPS)
                  :: else ->
                     verdict(who, page);
                     if
                     :: r == C_OK && attr == PRIVATE && cont[page] == CT_POISON -> r = C_MC_POISON
                     :: r == C_OK && !(attr == PRIVATE && cont[page] == CT_POISON) -> fill(page, attr)
                     :: else -> skip
                     fi
                  fi
                }

                /* A write through mapping m: the contents change and a dirty line carries the key. Sets r. */
                inline write(cpu, m, page, value) {
                  translate(cpu, m, page);
                  if
                  :: attr == NOATTR -> r = C_PF_OOPS
                  :: else ->
                     verdict(KERNEL, page);
                     if
                     :: r == C_OK -> cont[page] = value; lines[LINE(page, attr)] = L_DIRTY
                     :: else -> skip
                     fi
                  fi
                }
                """);
        primitives(out);
    }

    private void primitives(StringBuilder out) {
        out.append("""

                /* ---- the converter's primitives, one page at a time (set_memory.c unless named otherwise) */

                /* set_memory_np() / set_memory_p() / the attribute flip: a PTE write on the direct map and the
                   vmalloc alias (cpa_process_alias()), no TLB invalidation by itself. */
                inline clear_present(page) { for (i : 0 .. NPTEMAP - 1) { pte[PTE(i, page)] = pte[PTE(i, page)] & 1 } }
                inline set_present(page) { for (i : 0 .. NPTEMAP - 1) { pte[PTE(i, page)] = pte[PTE(i, page)] | 2 } }
                inline flip(page, to) { for (i : 0 .. NPTEMAP - 1) { pte[PTE(i, page)] = (pte[PTE(i, page)] & 2) | to } }
                inline clear_present_and_flip(page, to) { for (i : 0 .. NPTEMAP - 1) { pte[PTE(i, page)] = to } }

                /* flush_tlb_kernel_range() by IPI on every CPU (cpa_flush()): the direct map's and the vmalloc
                   alias's entries; the lazy alias's addresses are not in the range. */
                inline flush_tlb(page) {
                  for (i : 0 .. NCPU - 1) { for (j : 0 .. NPTEMAP - 1) { tlb[TLB(i, j, page)] = T_NONE } }
                }

                /* CLFLUSH through mapping m, one with a PTE (cpa_flush() skips pages whose PTE is not present).
                   It is checked like a byte load (SDM Vol. 2A, CLFLUSH): translated, then judged by the platform;
                   only if that is OK does it write back the lines of its translation's key. The first failure
                   ends the step. */
                inline flush_cache(cpu, m, page) {
                  if
                  :: c == C_OK && (pte[PTE(m, page)] & 2) ->
                     translate(cpu, m, page);
                     if
                     :: attr == NOATTR -> c = C_PF_OOPS
                     :: else ->
                        verdict(KERNEL, page);
                        if
                        :: r == C_OK -> writeback(page, attr)
                        :: else -> c = r
                        fi
                     fi
                  :: else -> skip
                  fi
                }

                /* WBINVD: the platform's verdict on the instruction (WBINVD_OUTCOME); unless that is fatal, every
                   line of every page is written back and invalidated. */
                inline wbinvd() {
                  c = WBINVD_OUTCOME;
                  if
                  :: KIND(c) != K_FATAL -> for (i : 0 .. NPAGES - 1) { writeback(i, PRIVATE); writeback(i, SHARED) }
                  :: else -> skip
                  fi
                }
                """);
        if (lazyAlias) {
            out.append("""

                    /* vm_unmap_aliases() (mm/vmalloc.c): the lazy alias's TLB entries go on every CPU. */
                    inline unmap_aliases() {
                      for (i : 0 .. NCPU - 1) { for (j : 0 .. NPAGES - 1) { tlb[TLB(i, LAZY, j)] = T_NONE } }
                    }
                    """);
        } else {
            out.append("\n/* vm_unmap_aliases() (mm/vmalloc.c): no lazy alias in this spec, nothing to drop. */\n"
                    + "inline unmap_aliases() { skip }\n");
        }
        PromelaPlatform.primitives(out, platform);
    }
}
