package io.ringbridge.sandbox;

import java.io.PrintStream;

/** The copy-paste tour of the sandbox printed after the first-start bootstrap. */
final class SandboxQuickstart {

    private SandboxQuickstart() {
    }

    static void print(PrintStream console) {
        console.printf("""
                 SANDBOX quickstart (RingCentral is simulated by this gateway; nothing leaves it):

                     export KEY=<the API key above>
                     export BASE=<this gateway, e.g. http://localhost:8080>

                  1. Connect the demo RingCentral account: get a link, open it in a browser, approve as Alice.
                     curl -s -X POST $BASE/v1/rc/connect-token -H "Authorization: Bearer $KEY"
                  2. See the connection and its SMS numbers:
                     curl -s $BASE/v1/rc/extensions -H "Authorization: Bearer $KEY"
                  3. Make the simulated RingCentral deliver an inbound SMS to Alice's number:
                     curl -s -X POST $BASE%s/inbound -H 'Content-Type: application/json' \\
                          -d '{"from":"+14155550100","to":"+16505550101","text":"Hello from the sandbox"}'

                """, SandboxConfiguration.MOUNT);
        console.flush();
    }
}
