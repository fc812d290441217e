package pagestate.specs;

import java.util.ArrayList;
import java.util.List;
import pagestate.model.cpu.ErrorPath;
import pagestate.model.cpu.HardwareAction;
import pagestate.model.cpu.Options;
import pagestate.model.cpu.Platform;
import pagestate.model.cpu.Primitive;
import pagestate.model.PropertyName;

/** The spec names of the model's enums, in declaration order: the vocabulary comes from the model. */
final class Names {
    private Names() { }

    static List<String> platforms() {
        List<String> l = new ArrayList<>();
        for (Platform p : Platform.values()) l.add(p.specName());
        return l;
    }

    static List<String> mappings() {
        List<String> l = new ArrayList<>();
        for (pagestate.model.cpu.Mapping m : pagestate.model.cpu.Mapping.values()) l.add(m.label());
        return l;
    }

    static List<String> options() {
        List<String> l = new ArrayList<>();
        for (Options.Option o : Options.Option.values()) l.add(o.specName());
        return l;
    }

    static List<String> primitives() {
        List<String> l = new ArrayList<>();
        for (Primitive p : Primitive.values()) l.add(p.specName());
        return l;
    }

    /** The steps that take an address and so may say {@code via MAPPING}. */
    static List<String> addressSteps() {
        List<String> l = new ArrayList<>();
        for (Primitive p : Primitive.values()) if (p.takesAddress()) l.add(p.specName());
        return l;
    }

    static List<String> hypercalls() {
        List<String> l = new ArrayList<>();
        for (Primitive p : Primitive.values()) if (p.isHypercall()) l.add(p.specName());
        return l;
    }

    static List<String> hardware() {
        List<String> l = new ArrayList<>();
        for (HardwareAction h : HardwareAction.values()) l.add(h.specName());
        return l;
    }

    static List<String> errorPaths() {
        List<String> l = new ArrayList<>();
        for (ErrorPath e : ErrorPath.values()) l.add(e.specName());
        return l;
    }

    static List<String> systems() {
        List<String> l = new ArrayList<>();
        for (pagestate.model.SeedSystem s : pagestate.model.SeedSystem.values()) l.add(s.specName());
        return l;
    }

    static List<String> iommuPolicies() {
        List<String> l = new ArrayList<>();
        for (pagestate.model.iommu.IommuPolicy p : pagestate.model.iommu.IommuPolicy.values()) l.add(p.specName());
        return l;
    }

    static List<String> loadModes() {
        List<String> l = new ArrayList<>();
        for (pagestate.model.busdma.LoadMode m : pagestate.model.busdma.LoadMode.values()) l.add(m.specName());
        return l;
    }

    static List<String> encryptions() {
        List<String> l = new ArrayList<>();
        for (pagestate.model.swiotlb.Encryption e : pagestate.model.swiotlb.Encryption.values()) l.add(e.specName());
        return l;
    }

    static List<String> caches() {
        List<String> l = new ArrayList<>();
        for (pagestate.model.swiotlb.Caches c : pagestate.model.swiotlb.Caches.values()) l.add(c.specName());
        return l;
    }

    static List<String> tsmModes() {
        List<String> l = new ArrayList<>();
        for (pagestate.model.cove.TsmMode m : pagestate.model.cove.TsmMode.values()) l.add(m.specName());
        return l;
    }

    static List<String> properties() {
        List<String> l = new ArrayList<>();
        for (PropertyName p : PropertyName.values()) l.add(p.specName());
        return l;
    }

    /** "TDX", "SNP or VTOM": how a platform set reads in a message. */
    static String platformList(Iterable<Platform> platforms) {
        List<String> l = new ArrayList<>();
        for (Platform p : platforms) l.add(upper(p));
        return String.join(" or ", l);
    }

    static String upper(Platform p) {
        return p.specName().toUpperCase(java.util.Locale.ROOT);
    }

    /** "a" or "an" before an acronym, by how its first letter is spoken ("an SNP", "a TDX"). */
    static String article(String acronym) {
        return !acronym.isEmpty() && "AEFHILMNORSX".indexOf(Character.toUpperCase(acronym.charAt(0))) >= 0 ? "an" : "a";
    }
}
