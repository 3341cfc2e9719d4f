# richards: a task scheduler in the spirit of Martin Richards' operating-system simulation,
# written afresh for this suite. Tasks of four kinds (idle, worker, two handlers, devices) exchange
# Packet objects through per-task queues; a scheduler loop picks the highest-priority runnable
# task and calls its run() method, which may hold, wait, or send packets. It is the classic
# object-oriented benchmark: virtual method calls, attribute traffic, linked lists of objects.
# Usage: richards.py [SIZE]   (SIZE: integer scale factor, default 1; 0 is a quick smoke size)
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
NUM_TASKS = 6
KIND_DEVICE = 0
KIND_WORK = 1


class Packet:
    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.datum = 0
        self.data = [0, 0, 0, 0]

    def append_to(self, queue):
        """Appends self at the end of the linked list queue; returns the new head."""
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue, state):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.held = False
        self.waiting = state == "waiting" or (state == "waiting_with_packet")
        self.next = sched.tasks_head
        sched.tasks_head = self
        sched.table[ident] = self

    def runnable(self):
        return not self.held and not (self.waiting and self.queue is None)

    def take_packet(self):
        pkt = self.queue
        if pkt is not None:
            self.queue = pkt.link
        self.waiting = False
        return pkt

    def deliver(self, pkt):
        """A packet arrives for this task; returns whether it should preempt the current one."""
        if self.queue is None:
            self.queue = pkt
            pkt.link = None
            self.waiting = False
            return self.priority > self.sched.current.priority
        self.queue = pkt.append_to(self.queue)
        return False


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        super().__init__(sched, ident, priority, None, "running")
        self.v1 = 1
        self.count = count

    def run(self, pkt):
        s = self.sched
        self.count -= 1
        if self.count == 0:
            return s.hold_self()
        if self.v1 & 1 == 0:
            self.v1 >>= 1
            return s.release(DEVICE_A)
        self.v1 = (self.v1 >> 1) ^ 0xD008
        return s.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, "waiting_with_packet")
        self.dest = HANDLER_A
        self.count = 0

    def run(self, pkt):
        s = self.sched
        if pkt is None:
            return s.wait_self()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.owner = self.dest
        pkt.datum = 0
        for i in range(4):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = 64 + self.count
        return s.send(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, "waiting_with_packet")
        self.work = None
        self.devices = None

    def run(self, pkt):
        s = self.sched
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work = pkt.append_to(self.work)
            else:
                self.devices = pkt.append_to(self.devices)
        if self.work is not None:
            work = self.work
            i = work.datum
            if i < 4:
                if self.devices is not None:
                    dev = self.devices
                    self.devices = dev.link
                    dev.datum = work.data[i]
                    work.datum = i + 1
                    return s.send(dev)
            else:
                self.work = work.link
                return s.send(work)
        return s.wait_self()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        super().__init__(sched, ident, priority, None, "waiting")
        self.pending = None

    def run(self, pkt):
        s = self.sched
        if pkt is None:
            if self.pending is None:
                return s.wait_self()
            p = self.pending
            self.pending = None
            return s.send(p)
        self.pending = pkt
        s.output = (s.output * 33 + pkt.datum) % 1000000007
        return s.hold_self()


class Scheduler:
    def __init__(self):
        self.table = [None] * NUM_TASKS
        self.tasks_head = None
        self.current = None
        self.hold_count = 0
        self.send_count = 0
        self.output = 0

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.next

    def wait_self(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        t = self.table[ident]
        t.held = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def send(self, pkt):
        t = self.table[pkt.owner]
        self.send_count += 1
        pkt.owner = self.current.ident
        if t.deliver(pkt):
            return t
        return self.current

    def schedule(self):
        t = self.tasks_head
        while t is not None:
            if t.runnable():
                self.current = t
                pkt = t.take_packet() if t.queue is not None else None
                t = t.run(pkt)
            else:
                t = t.next


def build(count):
    s = Scheduler()
    IdleTask(s, IDLE, 0, count)
    q = Packet(None, WORKER, KIND_WORK)
    q = Packet(q, WORKER, KIND_WORK)
    WorkerTask(s, WORKER, 1000, q)
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, q)
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, q)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    return s


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    iterations = 20 * size if size > 0 else 1
    holds = sends = out = 0
    for _ in range(iterations):
        s = build(10000)
        s.schedule()
        holds += s.hold_count
        sends += s.send_count
        out = (out + s.output) % 1000000007
    print("richards", holds, sends, out)


main()
