"""Marxan with Zones test projects written by hand, as a planner would, shared by the Marxan tests."""

import os


def write(folder, name, text):
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as handle:
        handle.write(text)
    return path


def marzone_project(folder, extra_input=''):
    write(folder, 'input.dat', 'INPUTDIR input\nBLM 0.5\nBOUNDNAME bound.dat\nZONESNAME zones.dat\n'
                               'COSTSNAME costs.dat\nZONECOSTNAME zonecost.dat\nZONECONTRIBNAME zonecontrib.dat\n'
                               'ZONETARGETNAME zonetarget.dat\nZONEBOUNDCOSTNAME zoneboundcost.dat\n'
                               'PULOCKNAME pulock.dat\nPUZONENAME puzone.dat\n' + extra_input)
    write(folder, 'input/pu.dat', 'id,land,management\n1,10,1\n2,20,2\n3,30,3\n4,40,4\n')
    write(folder, 'input/spec.dat', 'id,prop,name\n1,0.5,forest\n2,0.2,wetland\n')
    write(folder, 'input/puvspr.dat', 'species,pu,amount\n1,1,4\n1,2,4\n2,3,5\n1,4,2\n2,4,5\n')
    write(folder, 'input/bound.dat', 'id1,id2,boundary\n1,2,1\n2,3,1\n3,4,1\n1,1,3\n4,4,3\n')
    write(folder, 'input/zones.dat', 'zoneid,zonename\n1,available\n2,core\n3,buffer\n')
    write(folder, 'input/costs.dat', 'costid,costname\n1,land\n2,management\n')
    write(folder, 'input/zonecost.dat', 'zoneid,costid,multiplier\n2,1,1\n2,2,1\n3,1,0.5\n')
    write(folder, 'input/zonecontrib.dat', 'zoneid,featureid,fraction\n2,1,1\n2,2,1\n3,1,0.5\n3,2,0.5\n')
    write(folder, 'input/zonetarget.dat', 'zoneid,featureid,target,targettype\n2,2,0.4,1\n3,1,2,0\n')
    write(folder, 'input/zoneboundcost.dat', 'zoneid1,zoneid2,cost\n1,2,5\n2,3,1\n1,3,2\n')
    write(folder, 'input/pulock.dat', 'puid,zoneid\n1,3\n')
    write(folder, 'input/puzone.dat', 'puid,zoneid\n4,1\n4,3\n')
    return os.path.join(folder, 'input.dat')


def marxan_project(folder):
    """A Marxan project of four planning units in a row, two features and a boundary file (BLM 0.5)."""
    write(folder, 'input.dat', 'INPUTDIR input\nPUNAME pu.dat\nSPECNAME spec.dat\nPUVSPRNAME puvspr.dat\n'
                               'BOUNDNAME bound.dat\nBLM 0.5\n')
    write(folder, 'input/pu.dat', 'id,cost,status\n1,10,0\n2,4,0\n3,6,0\n4,3,0\n')
    write(folder, 'input/spec.dat', 'id,prop,name\n1,0.5,forest\n2,0.4,wetland\n')
    write(folder, 'input/puvspr.dat', 'species,pu,amount\n1,1,5\n2,1,1\n1,2,2\n2,3,4\n1,4,3\n2,4,1\n')
    write(folder, 'input/bound.dat', 'id1,id2,boundary\n1,2,1\n2,3,1\n3,4,1\n1,1,3\n4,4,3\n')
    return os.path.join(folder, 'input.dat')
