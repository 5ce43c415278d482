package dev.workerhost.host.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.spi.WorkflowDefaults;
import io.temporal.common.VersioningBehavior;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.temporal.workflow.WorkflowVersioningBehavior;
import org.junit.jupiter.api.Test;

/** A task queue's worker has one default versioning behaviour: its workflow types must agree on it. */
class QueueVersioningBehaviorTest {

    @WorkflowInterface
    public interface OrderWorkflow {
        @WorkflowMethod
        String run();
    }

    @WorkflowInterface
    public interface LedgerWorkflow {
        @WorkflowMethod
        String run();
    }

    public static final class OrderWorkflowImpl implements OrderWorkflow {
        @Override
        public String run() {
            return "order";
        }
    }

    public static final class LedgerWorkflowImpl implements LedgerWorkflow {
        @Override
        public String run() {
            return "ledger";
        }
    }

    public static final class AnnotatedLedgerWorkflowImpl implements LedgerWorkflow {
        @Override
        @WorkflowVersioningBehavior(VersioningBehavior.AUTO_UPGRADE)
        public String run() {
            return "ledger";
        }
    }

    private static final WorkflowDefaults PINNED =
            WorkflowDefaults.standard().withVersioningBehavior(VersioningBehavior.PINNED);

    private static PluginDeclarations declarations() {
        return new PluginDeclarations("shop", QueueVersioningBehaviorTest.class.getClassLoader());
    }

    @Test
    void typesThatAgreeGiveTheWorkerTheirBehaviour() {
        PluginDeclarations declarations = declarations();
        declarations.taskQueue("shop").workflow(OrderWorkflowImpl.class, PINNED)
                .workflow(LedgerWorkflowImpl.class, PINNED);

        assertThat(declarations.contents().get(0).versioningBehavior()).isEqualTo(VersioningBehavior.PINNED);
    }

    @Test
    void typesThatDifferOnOneQueueAreRefusedNamingBothAndTheWaysOut() {
        PluginDeclarations declarations = declarations();
        declarations.taskQueue("shop").workflow(OrderWorkflowImpl.class, PINNED);

        assertThatThrownBy(() -> declarations.taskQueue("shop").workflow(LedgerWorkflowImpl.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("task queue shop: workflow types OrderWorkflow (PINNED) and LedgerWorkflow "
                        + "(AUTO_UPGRADE) differ in versioning behaviour (AUTO_UPGRADE where WorkflowDefaults declares "
                        + "none), but a task queue's worker has one default")
                .hasMessageContaining("put one type on a task queue of its own")
                .hasMessageContaining("@WorkflowVersioningBehavior");
    }

    @Test
    void typesOnQueuesOfTheirOwnMayDiffer() {
        PluginDeclarations declarations = declarations();
        declarations.taskQueue("orders").workflow(OrderWorkflowImpl.class, PINNED);
        declarations.taskQueue("ledger").workflow(LedgerWorkflowImpl.class);

        assertThat(declarations.contents()).extracting(QueueContents::versioningBehavior)
                .containsExactly(VersioningBehavior.PINNED, VersioningBehavior.AUTO_UPGRADE);
    }

    @Test
    void aTypeAnnotatedWithItsOwnBehaviourLeavesTheWorkersDefaultToTheOthers() {
        PluginDeclarations declarations = declarations();
        declarations.taskQueue("shop").workflow(OrderWorkflowImpl.class, PINNED)
                .workflow(AnnotatedLedgerWorkflowImpl.class);

        assertThat(declarations.contents().get(0).versioningBehavior()).isEqualTo(VersioningBehavior.PINNED);
    }

    @Test
    void aTypeWhoseDefaultsContradictItsAnnotationIsRefused() {
        assertThatThrownBy(() -> declarations().taskQueue("shop").workflow(AnnotatedLedgerWorkflowImpl.class, PINNED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workflow type LedgerWorkflow declares the versioning behaviour PINNED in its "
                        + "WorkflowDefaults and AUTO_UPGRADE with @WorkflowVersioningBehavior on "
                        + AnnotatedLedgerWorkflowImpl.class.getName() + ".run: keep one of them");
    }

    @Test
    void unspecifiedIsNoBehaviourATypeCanDeclare() {
        assertThatThrownBy(() -> WorkflowDefaults.standard().withVersioningBehavior(VersioningBehavior.UNSPECIFIED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a workflow type's versioning behaviour is PINNED or AUTO_UPGRADE");
    }
}
